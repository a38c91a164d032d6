/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * UEFI glue: the protocol GUIDs the driver consumes and produces.
 *
 * Kept as the driver's own objects so the same C links with gnu-efi (whose
 * GUID objects live in libefi under other names) and with EDK2 (whose
 * gEfi...Guid objects come from AutoGen).
 */

#include "efi_glue.h"

/** EFI_USB_IO_PROTOCOL. */
EFI_GUID bn_efi_usb_io_guid = {
	0x2b2f68d6, 0x0cd2, 0x44cf,
	{ 0x8e, 0x8b, 0xbb, 0xa2, 0x0b, 0x1b, 0x5b, 0x75 }
};

/** EFI_SIMPLE_NETWORK_PROTOCOL. */
EFI_GUID bn_efi_snp_guid = {
	0xa19832b9, 0xac25, 0x11d3,
	{ 0x9a, 0x2d, 0x00, 0x90, 0x27, 0x3f, 0xc1, 0x4d }
};

/** EFI_DEVICE_PATH_PROTOCOL. */
EFI_GUID bn_efi_device_path_guid = {
	0x09576e91, 0x6d3f, 0x11d2,
	{ 0x8e, 0x39, 0x00, 0xa0, 0xc9, 0x69, 0x72, 0x3b }
};

/** EFI_DRIVER_BINDING_PROTOCOL. */
EFI_GUID bn_efi_driver_binding_guid = {
	0x18a031ab, 0xb443, 0x4d1a,
	{ 0xa5, 0xc0, 0x0c, 0x09, 0x26, 0x1e, 0x9f, 0x71 }
};

/** EFI_COMPONENT_NAME2_PROTOCOL. */
EFI_GUID bn_efi_component_name2_guid = {
	0x6a7a5cff, 0xe8d9, 0x4f70,
	{ 0xba, 0xda, 0x75, 0xab, 0x30, 0x25, 0xce, 0x14 }
};

/** EFI_COMPONENT_NAME_PROTOCOL. */
EFI_GUID bn_efi_component_name_guid = {
	0x107a772c, 0xd5e1, 0x11d4,
	{ 0x9a, 0x46, 0x00, 0x90, 0x27, 0x3f, 0xc1, 0x4d }
};
