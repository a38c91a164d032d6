/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * UEFI glue: Component Name 2 and Component Name.
 *
 * The driver's name comes from the exported driver's description; a
 * controller's (and its SNP child's) name from the ID table row that
 * matched.  English only: "en" (RFC 4646) for Component Name 2, "eng"
 * (ISO 639-2) for the older Component Name.
 */

#include "efi_glue.h"
#include "bn_port.h"

/** The driver's name. */
static CHAR16 bn_efi_driver_name[BN_EFI_NAME_MAX];

/** Languages of Component Name 2. */
static CHAR8 bn_efi_languages2[] = "en";

/** Languages of Component Name. */
static CHAR8 bn_efi_languages[] = "eng";

void bn_efi_name_init(void)
{
	char name[BN_EFI_NAME_MAX];
	char digits[BN_EFI_DECIMAL_MAX];
	size_t count = 0;
	const char *one[] = { "bootnic ", NULL, ": ", NULL, NULL };
	const char *many[] = { "bootnic: ", NULL, " USB network drivers",
			       NULL };

	while (bn_efi_drivers[count])
		count++;
	if (count == 1) {
		one[1] = bn_efi_drivers[0]->name;
		one[3] = bn_efi_drivers[0]->description;
		bn_efi_join(name, sizeof(name), one);
	} else {
		many[1] = bn_efi_decimal(digits, (unsigned int)count);
		bn_efi_join(name, sizeof(name), many);
	}
	bn_efi_ascii_to_char16(bn_efi_driver_name,
			       BN_ARRAY_SIZE(bn_efi_driver_name), name);
}

/**
 * Test whether a language is one we answer in.
 *
 * @param language	Requested language (NUL-terminated)
 * @param ours		Our language code
 * @return		true if @p language is @p ours, or @p ours followed
 *			by a region subtag
 */
static bool bn_efi_language_ok(const CHAR8 *language, const CHAR8 *ours)
{
	size_t i;

	if (!language)
		return false;
	for (i = 0; ours[i]; i++) {
		if (language[i] != ours[i])
			return false;
	}
	return language[i] == 0 || language[i] == '-';
}

/**
 * Name a controller this driver manages, or its SNP child.
 *
 * @param controller	The bound interface's handle
 * @param child		NULL, or the child handle
 * @param name		Name out
 * @return		EFI_SUCCESS or EFI_UNSUPPORTED
 */
static EFI_STATUS bn_efi_controller_name(EFI_HANDLE controller,
					 EFI_HANDLE child, CHAR16 **name)
{
	struct bn_efi_nic *nic;
	char text[BN_EFI_NAME_MAX];

	for (nic = bn_efi_nics; nic; nic = nic->next) {
		if (nic->controller != controller)
			continue;
		if (child && child != nic->child)
			return EFI_UNSUPPORTED;
		if (!nic->name[0]) {
			const char *parts[] = {
				nic->nd->id && nic->nd->id->name ?
				nic->nd->id->name : "USB network adapter",
				" (bootnic ", nic->nd->driver->name, ")", NULL
			};

			bn_efi_join(text, sizeof(text), parts);
			bn_efi_ascii_to_char16(nic->name,
					       BN_ARRAY_SIZE(nic->name), text);
		}
		*name = nic->name;
		return EFI_SUCCESS;
	}
	return EFI_UNSUPPORTED;
}

/**
 * Component Name 2: the driver's name.
 *
 * @param This		Protocol instance
 * @param Language	RFC 4646 language
 * @param DriverName	Name out
 * @return		EFI_SUCCESS, EFI_INVALID_PARAMETER or EFI_UNSUPPORTED
 */
static EFI_STATUS EFIAPI bn_efi_name2_driver(EFI_COMPONENT_NAME2_PROTOCOL *This,
					     CHAR8 *Language,
					     CHAR16 **DriverName)
{
	(void)This;
	if (!Language || !DriverName)
		return EFI_INVALID_PARAMETER;
	if (!bn_efi_language_ok(Language, bn_efi_languages2))
		return EFI_UNSUPPORTED;
	*DriverName = bn_efi_driver_name;
	return EFI_SUCCESS;
}

/**
 * Component Name 2: a controller's name.
 *
 * @param This		Protocol instance
 * @param ControllerHandle	Controller
 * @param ChildHandle	NULL, or a child
 * @param Language	RFC 4646 language
 * @param ControllerName	Name out
 * @return		EFI_SUCCESS, EFI_INVALID_PARAMETER or EFI_UNSUPPORTED
 */
static EFI_STATUS EFIAPI bn_efi_name2_controller(
	EFI_COMPONENT_NAME2_PROTOCOL *This, EFI_HANDLE ControllerHandle,
	EFI_HANDLE ChildHandle, CHAR8 *Language, CHAR16 **ControllerName)
{
	(void)This;
	if (!ControllerHandle || !Language || !ControllerName)
		return EFI_INVALID_PARAMETER;
	if (!bn_efi_language_ok(Language, bn_efi_languages2))
		return EFI_UNSUPPORTED;
	return bn_efi_controller_name(ControllerHandle, ChildHandle,
				      ControllerName);
}

/**
 * Component Name: the driver's name.
 *
 * @param This		Protocol instance
 * @param Language	ISO 639-2 language
 * @param DriverName	Name out
 * @return		EFI_SUCCESS, EFI_INVALID_PARAMETER or EFI_UNSUPPORTED
 */
static EFI_STATUS EFIAPI bn_efi_name_driver(EFI_COMPONENT_NAME_PROTOCOL *This,
					    CHAR8 *Language,
					    CHAR16 **DriverName)
{
	(void)This;
	if (!Language || !DriverName)
		return EFI_INVALID_PARAMETER;
	if (!bn_efi_language_ok(Language, bn_efi_languages))
		return EFI_UNSUPPORTED;
	*DriverName = bn_efi_driver_name;
	return EFI_SUCCESS;
}

/**
 * Component Name: a controller's name.
 *
 * @param This		Protocol instance
 * @param ControllerHandle	Controller
 * @param ChildHandle	NULL, or a child
 * @param Language	ISO 639-2 language
 * @param ControllerName	Name out
 * @return		EFI_SUCCESS, EFI_INVALID_PARAMETER or EFI_UNSUPPORTED
 */
static EFI_STATUS EFIAPI bn_efi_name_controller(
	EFI_COMPONENT_NAME_PROTOCOL *This, EFI_HANDLE ControllerHandle,
	EFI_HANDLE ChildHandle, CHAR8 *Language, CHAR16 **ControllerName)
{
	(void)This;
	if (!ControllerHandle || !Language || !ControllerName)
		return EFI_INVALID_PARAMETER;
	if (!bn_efi_language_ok(Language, bn_efi_languages))
		return EFI_UNSUPPORTED;
	return bn_efi_controller_name(ControllerHandle, ChildHandle,
				      ControllerName);
}

/** Component Name 2. */
EFI_COMPONENT_NAME2_PROTOCOL bn_efi_component_name2 = {
	.GetDriverName = bn_efi_name2_driver,
	.GetControllerName = bn_efi_name2_controller,
	.SupportedLanguages = bn_efi_languages2,
};

/** Component Name (for older shells and tools). */
EFI_COMPONENT_NAME_PROTOCOL bn_efi_component_name = {
	.GetDriverName = bn_efi_name_driver,
	.GetControllerName = bn_efi_name_controller,
	.SupportedLanguages = bn_efi_languages,
};
