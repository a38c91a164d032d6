/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * UEFI glue: the Driver Binding protocol and the driver's entry.
 *
 * The driver binds to the UsbIo handle of a function's first interface
 * (the CDC control interface, or a vendor chip's only interface) and
 * finds the handles of the function's other interfaces itself: they share
 * the device path up to the last node, whose interface number differs.
 * It produces a child handle with EFI_SIMPLE_NETWORK_PROTOCOL and a device
 * path ending in a MAC node.  An unplugged adapter leaves that child in
 * place without media; plugged into the same port again, it takes its
 * child back (see bn_efi_start()).
 *
 * When the device's active configuration has no function the driver
 * handles but another configuration has, Start() selects that
 * configuration with SET_CONFIGURATION.  The firmware's bus driver then
 * destroys every UsbIo handle of the old configuration and creates the new
 * ones, connecting drivers to them, possibly inside that very control
 * transfer.  So Start() closes what it opened on the old handle first and
 * keeps nothing across; the binding to the new handles happens in the
 * nested (or a later) Start().  A function whose other interfaces do not
 * have handles yet (the bus driver connects interface 0 before it creates
 * interface 1) is connected again once a new UsbIo appears.
 */

#include "efi_glue.h"
#include "bn_err.h"
#include "bn_log.h"

/** Every function this driver is bound to. */
struct bn_efi_nic *bn_efi_nics;

/* ------------------------------------------------------------------------
 * Device paths
 * ------------------------------------------------------------------------ */

/** Offset of the parent port number in a USB device path node. */
#define BN_EFI_USB_NODE_PORT 4
/** Bytes of a GET_STATUS answer (USB 2.0 9.4.5). */
#define BN_EFI_GET_STATUS_LEN 2

/**
 * Read a device path node's length.
 *
 * @param node		Node
 * @return		Its length in bytes
 */
static size_t bn_efi_node_len(const EFI_DEVICE_PATH *node)
{
	return (size_t)node->Length[0] | ((size_t)node->Length[1] << 8);
}

/**
 * Measure a device path up to (not including) its end node, and find its
 * last node.
 *
 * @param path		Device path
 * @param last		Last node before the end out (NULL for an empty path)
 * @return		Bytes before the end node
 */
static size_t bn_efi_path_len(const EFI_DEVICE_PATH *path,
			      const EFI_DEVICE_PATH **last)
{
	const UINT8 *p = (const UINT8 *)path;
	const EFI_DEVICE_PATH *node;
	size_t len = 0, n;

	*last = NULL;
	for (;;) {
		node = (const EFI_DEVICE_PATH *)(p + len);
		n = bn_efi_node_len(node);
		if (node->Type == END_DEVICE_PATH_TYPE || n < 4)
			return len;
		*last = node;
		len += n;
	}
}

/**
 * Test whether two UsbIo device paths are interfaces of the same device.
 *
 * @param a		One interface's device path
 * @param b		The other's
 * @return		true if both end in USB nodes on the same parent port
 *			and are equal before that
 */
static bool bn_efi_same_device(const EFI_DEVICE_PATH *a,
			       const EFI_DEVICE_PATH *b)
{
	const EFI_DEVICE_PATH *la, *lb;
	size_t na = bn_efi_path_len(a, &la);
	size_t nb = bn_efi_path_len(b, &lb);
	size_t prefix;

	if (!la || !lb || na != nb || la->Type != MESSAGING_DEVICE_PATH ||
	    la->SubType != MSG_USB_DP || lb->Type != la->Type ||
	    lb->SubType != la->SubType ||
	    bn_efi_node_len(la) != bn_efi_node_len(lb))
		return false;
	prefix = (size_t)((const UINT8 *)la - (const UINT8 *)a);
	return bn_port_memcmp(a, b, prefix) == 0 &&
	       ((const UINT8 *)la)[BN_EFI_USB_NODE_PORT] ==
	       ((const UINT8 *)lb)[BN_EFI_USB_NODE_PORT];
}

/**
 * Build a child device path: the parent's path, a MAC node, the end node.
 *
 * @param parent	Parent device path
 * @param mac		Station address
 * @return		New path (free with bn_port_free()), or NULL
 */
static EFI_DEVICE_PATH *bn_efi_mac_path(const EFI_DEVICE_PATH *parent,
					const uint8_t *mac)
{
	const EFI_DEVICE_PATH *last;
	size_t len = bn_efi_path_len(parent, &last);
	MAC_ADDR_DEVICE_PATH *node;
	EFI_DEVICE_PATH *end;
	UINT8 *path;

	path = bn_port_zalloc(len + sizeof(*node) + sizeof(*end));
	if (!path)
		return NULL;
	bn_port_memcpy(path, parent, len);
	node = (MAC_ADDR_DEVICE_PATH *)(path + len);
	node->Header.Type = MESSAGING_DEVICE_PATH;
	node->Header.SubType = MSG_MAC_ADDR_DP;
	node->Header.Length[0] = (UINT8)sizeof(*node);
	node->Header.Length[1] = (UINT8)(sizeof(*node) >> 8);
	bn_port_memcpy(&node->MacAddress, mac, BN_ETH_ALEN);
	node->IfType = BN_EFI_IFTYPE_ETHERNET;
	end = (EFI_DEVICE_PATH *)(path + len + sizeof(*node));
	end->Type = END_DEVICE_PATH_TYPE;
	end->SubType = END_ENTIRE_DEVICE_PATH_SUBTYPE;
	end->Length[0] = (UINT8)sizeof(*end);
	end->Length[1] = 0;
	return (EFI_DEVICE_PATH *)path;
}

/* ------------------------------------------------------------------------
 * The function's other interfaces
 * ------------------------------------------------------------------------ */

/**
 * Find the UsbIo of another interface of the same device.
 *
 * @param controller	Handle of the bound interface
 * @param number	bInterfaceNumber wanted
 * @return		Its UsbIo, or NULL if the bus driver has not created it
 */
static EFI_USB_IO_PROTOCOL *bn_efi_find_interface(EFI_HANDLE controller,
						  uint8_t number)
{
	EFI_USB_INTERFACE_DESCRIPTOR id;
	EFI_DEVICE_PATH *path, *other;
	EFI_USB_IO_PROTOCOL *io, *found = NULL;
	EFI_HANDLE *handles;
	UINTN count, i;

	if (bn_efi_bs->HandleProtocol(controller, &bn_efi_device_path_guid,
				      (VOID **)&path) != EFI_SUCCESS)
		return NULL;
	if (bn_efi_bs->LocateHandleBuffer(ByProtocol, &bn_efi_usb_io_guid,
					  NULL, &count, &handles) !=
	    EFI_SUCCESS)
		return NULL;
	for (i = 0; i < count && !found; i++) {
		if (handles[i] == controller ||
		    bn_efi_bs->HandleProtocol(handles[i],
					      &bn_efi_device_path_guid,
					      (VOID **)&other) != EFI_SUCCESS ||
		    bn_efi_bs->HandleProtocol(handles[i], &bn_efi_usb_io_guid,
					      (VOID **)&io) != EFI_SUCCESS)
			continue;
		if (bn_efi_same_device(path, other) &&
		    io->UsbGetInterfaceDescriptor(io, &id) == EFI_SUCCESS &&
		    id.InterfaceNumber == number)
			found = io;
	}
	bn_efi_bs->FreePool(handles);
	return found;
}

/**
 * Connect a controller again (a new UsbIo appeared): the notification of
 * a function whose other interfaces were missing.
 *
 * @param Event		This one-shot event
 * @param Context	The controller handle
 */
static void EFIAPI bn_efi_retry_connect(EFI_EVENT Event, VOID *Context)
{
	bn_efi_bs->CloseEvent(Event);
	bn_efi_bs->ConnectController(Context, NULL, NULL, TRUE);
}

/**
 * Arrange for a controller to be connected again when a UsbIo appears.
 *
 * @param controller	Handle
 * @return		EFI_SUCCESS or an error from the event services
 */
static EFI_STATUS bn_efi_retry_later(EFI_HANDLE controller)
{
	EFI_EVENT event;
	EFI_STATUS status;
	VOID *registration;

	status = bn_efi_bs->CreateEvent(EVT_NOTIFY_SIGNAL, TPL_CALLBACK,
					bn_efi_retry_connect, controller,
					&event);
	if (status != EFI_SUCCESS)
		return status;
	status = bn_efi_bs->RegisterProtocolNotify(&bn_efi_usb_io_guid, event,
						   &registration);
	if (status != EFI_SUCCESS)
		bn_efi_bs->CloseEvent(event);
	return status;
}

/**
 * Give the backend a UsbIo for every interface of the function.
 *
 * @param nic		Interface state (backend initialised)
 * @param fn		Function
 * @return		0, or -BN_ENOENT when an interface has no handle yet
 */
static int bn_efi_add_interfaces(struct bn_efi_nic *nic,
				 const struct bn_function *fn)
{
	EFI_USB_IO_PROTOCOL *io;
	unsigned int i;
	int rc;

	for (i = 0; i < fn->count; i++) {
		io = i ? bn_efi_find_interface(nic->controller,
					       fn->interfaces[i]) : nic->io;
		if (!io)
			return -BN_ENOENT;
		rc = bn_efi_usb_add_interface(&nic->usb, fn->interfaces[i],
					      io);
		if (rc < 0)
			return rc;
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * Driver Binding
 * ------------------------------------------------------------------------ */

/**
 * Test whether the driver handles a controller (reads only).
 *
 * @param This		Driver Binding
 * @param ControllerHandle	Candidate
 * @param RemainingDevicePath	Ignored (one child per controller)
 * @return		EFI_SUCCESS, EFI_UNSUPPORTED, or the UsbIo open error
 */
static EFI_STATUS EFIAPI bn_efi_supported(EFI_DRIVER_BINDING_PROTOCOL *This,
					  EFI_HANDLE ControllerHandle,
					  EFI_DEVICE_PATH *RemainingDevicePath)
{
	EFI_USB_IO_PROTOCOL *io;
	struct bn_efi_match m;
	EFI_STATUS status;
	int rc;

	(void)RemainingDevicePath;
	status = bn_efi_bs->OpenProtocol(ControllerHandle, &bn_efi_usb_io_guid,
					 (VOID **)&io,
					 This->DriverBindingHandle,
					 ControllerHandle,
					 EFI_OPEN_PROTOCOL_BY_DRIVER);
	if (status != EFI_SUCCESS)
		return status;
	rc = bn_efi_find_function(io, &m);
	bn_efi_bs->CloseProtocol(ControllerHandle, &bn_efi_usb_io_guid,
				 This->DriverBindingHandle, ControllerHandle);
	return rc == 0 ? EFI_SUCCESS : EFI_UNSUPPORTED;
}

/**
 * Select the configuration that has the driver's function.
 *
 * The UsbIo stays usable until the bus driver removes the old
 * configuration inside this call; the caller holds nothing on it.
 *
 * @param io		UsbIo of an interface of the device
 * @param value		bConfigurationValue
 * @return		EFI_SUCCESS or EFI_DEVICE_ERROR
 */
static EFI_STATUS bn_efi_switch_config(EFI_USB_IO_PROTOCOL *io, uint8_t value)
{
	struct bn_setup setup = {
		.request_type = BN_USB_TYPE_STANDARD | BN_USB_RECIP_DEVICE,
		.request = BN_USB_REQ_SET_CONFIGURATION,
		.value = value,
	};
	int rc;

	rc = bn_efi_usb_control(io, &setup, NULL);
	if (rc < 0) {
		BN_ERR("bootnic", "SET_CONFIGURATION %u: %s",
		       value, bn_strerror(rc));
		return EFI_DEVICE_ERROR;
	}
	return EFI_SUCCESS;
}

/**
 * Find the function that starts at an interface in the device's kept
 * configuration.
 *
 * @param dev		Device with its configuration read
 * @param first		The function's first interface
 * @param fn		Function out
 * @return		true if found
 */
static bool bn_efi_function_at(const struct bn_usb_device *dev, uint8_t first,
			       struct bn_function *fn)
{
	size_t cursor = 0;

	while (bn_config_next_function(&dev->config, &cursor, fn)) {
		if (fn->interfaces[0] == first)
			return true;
	}
	return false;
}

/**
 * Release the hardware side of an interface: its network device and USB
 * device (the SNP side stays).
 *
 * @param nic		Interface state
 */
static void bn_efi_nic_release(struct bn_efi_nic *nic)
{
	bn_netdev_remove(nic->nd);
	nic->nd = NULL;
	if (nic->dev.hcd)
		bn_usb_device_fini(&nic->dev);
	bn_port_memset(&nic->dev, 0, sizeof(nic->dev));
	bn_port_memset(&nic->usb, 0, sizeof(nic->usb));
}

/**
 * Release what bn_efi_start() built for an interface.
 *
 * @param nic		Interface state
 */
static void bn_efi_nic_free(struct bn_efi_nic *nic)
{
	bn_efi_nic_release(nic);
	bn_port_free(nic->rx);
	bn_port_free(nic->path);
	bn_port_free(nic);
}

/**
 * Probe a function into an interface's hardware side: the USB device
 * behind a controller's UsbIo, its interfaces and the network device.
 *
 * @param nic		Interface state (hardware side released)
 * @param controller	Handle of the function's first interface
 * @param io		Its UsbIo (opened BY_DRIVER)
 * @param m		The function found on it
 * @return		EFI_SUCCESS, or an error with the hardware side
 *			released again (EFI_NOT_READY: connected again once
 *			the other interfaces appear)
 */
static EFI_STATUS bn_efi_nic_probe(struct bn_efi_nic *nic,
				   EFI_HANDLE controller,
				   EFI_USB_IO_PROTOCOL *io,
				   struct bn_efi_match *m)
{
	struct bn_function fn;
	EFI_STATUS status = EFI_DEVICE_ERROR;
	int rc;

	nic->controller = controller;
	nic->io = io;
	bn_efi_usb_init(&nic->usb, io, &nic->dev);
	if (bn_usb_device_init(&nic->dev, &nic->usb.hcd, 0, BN_SPEED_UNKNOWN,
			       m->match.driver->name) < 0) {
		nic->dev.hcd = NULL;
		goto err;
	}
	if (bn_usb_read_descriptors(&nic->dev, m->config_index) < 0)
		goto err;
	nic->dev.configured = true;
	if (!bn_efi_function_at(&nic->dev, m->first_interface, &fn))
		goto err;
	if ((rc = bn_efi_add_interfaces(nic, &fn)) < 0) {
		status = EFI_OUT_OF_RESOURCES;
		if (rc == -BN_ENOENT) {
			/* Interface 0 is connected before interface 1
			 * exists: try again when it appears */
			status = bn_efi_retry_later(controller);
			if (status == EFI_SUCCESS)
				status = EFI_NOT_READY;
		}
		goto err;
	}
	if (bn_netdev_probe(&nic->dev, &fn, &m->match, &bn_efi_netdev_env, nic,
			    &nic->nd) < 0)
		goto err;
	return EFI_SUCCESS;

 err:
	bn_efi_nic_release(nic);
	return status;
}

/**
 * Find the interface an unplugged adapter left on a port: its SNP child's
 * path is the port's path plus a MAC node.
 *
 * @param parent	Device path of the new controller
 * @return		The interface, or NULL
 */
static struct bn_efi_nic *bn_efi_find_gone(const EFI_DEVICE_PATH *parent)
{
	const EFI_DEVICE_PATH *last;
	size_t len = bn_efi_path_len(parent, &last);
	struct bn_efi_nic *nic;

	for (nic = bn_efi_nics; nic; nic = nic->next) {
		if (nic->gone && bn_efi_path_len(nic->path, &last) ==
				 len + sizeof(MAC_ADDR_DEVICE_PATH) &&
		    !bn_port_memcmp(nic->path, parent, len))
			return nic;
	}
	return NULL;
}

/**
 * An adapter was plugged into the port an unplugged one left: if it is
 * the same adapter (same permanent address), it takes the interface over,
 * so the network stack above finds its interface again.
 *
 * @param nic		The interface left behind
 * @param controller	Handle of the new function's first interface
 * @param io		Its UsbIo (opened BY_DRIVER)
 * @param m		The function found on it
 * @return		EFI_SUCCESS, EFI_NOT_FOUND (another adapter: it gets
 *			an interface of its own) or a probe error
 */
static EFI_STATUS bn_efi_nic_return(struct bn_efi_nic *nic,
				    EFI_HANDLE controller,
				    EFI_USB_IO_PROTOCOL *io,
				    struct bn_efi_match *m)
{
	EFI_STATUS status = bn_efi_nic_probe(nic, controller, io, m);

	if (status != EFI_SUCCESS)
		return status;
	if (bn_port_memcmp(nic->nd->perm_addr, &nic->mode.PermanentAddress,
			   BN_ETH_ALEN)) {
		bn_efi_nic_release(nic);
		return EFI_NOT_FOUND;
	}
	nic->gone = false;
	bn_efi_snp_attach(nic);
	BN_INFO("bootnic", "adapter back: interface restored");
	return EFI_SUCCESS;
}

/**
 * Bind to a controller: probe the function and produce the SNP child (or
 * give the interface an unplugged adapter left on this port back to it).
 *
 * The child is not registered as the controller's child
 * (BY_CHILD_CONTROLLER): when the adapter is unplugged, the firmware
 * would otherwise tear the network stack on the child down from the bus
 * driver's timer, in the middle of whatever the stack is running (EDK2's
 * MTFTP4 then uses freed memory: edk2 issues #9709, #12390).  Instead the
 * interface lives on without media until the adapter comes back; the
 * driver connects the stack to the new child itself.
 *
 * @param This		Driver Binding
 * @param ControllerHandle	Handle of the function's first interface
 * @param RemainingDevicePath	Ignored
 * @return		EFI_SUCCESS or an error
 */
static EFI_STATUS EFIAPI bn_efi_start(EFI_DRIVER_BINDING_PROTOCOL *This,
				      EFI_HANDLE ControllerHandle,
				      EFI_DEVICE_PATH *RemainingDevicePath)
{
	EFI_HANDLE agent = This->DriverBindingHandle;
	EFI_DEVICE_PATH *parent;
	EFI_USB_IO_PROTOCOL *io;
	struct bn_efi_nic *nic;
	struct bn_efi_match m;
	EFI_STATUS status;

	(void)RemainingDevicePath;
	status = bn_efi_bs->OpenProtocol(ControllerHandle, &bn_efi_usb_io_guid,
					 (VOID **)&io, agent, ControllerHandle,
					 EFI_OPEN_PROTOCOL_BY_DRIVER);
	if (status != EFI_SUCCESS)
		return status;
	if (bn_efi_find_function(io, &m) < 0) {
		status = EFI_UNSUPPORTED;
		goto err_match;
	}
	if (!m.active) {
		/* Nothing is kept: this handle is gone when the bus driver
		 * has switched configurations, and the new handles are
		 * connected by it */
		bn_efi_bs->CloseProtocol(ControllerHandle, &bn_efi_usb_io_guid,
					 agent, ControllerHandle);
		status = bn_efi_switch_config(io, m.config_value);
		return (status == EFI_SUCCESS) ? EFI_NOT_FOUND : status;
	}
	status = bn_efi_bs->OpenProtocol(ControllerHandle,
					 &bn_efi_device_path_guid,
					 (VOID **)&parent, agent,
					 ControllerHandle,
					 EFI_OPEN_PROTOCOL_GET_PROTOCOL);
	if (status != EFI_SUCCESS)
		goto err_match;
	nic = bn_efi_find_gone(parent);
	if (nic) {
		status = bn_efi_nic_return(nic, ControllerHandle, io, &m);
		if (status == EFI_SUCCESS)
			return EFI_SUCCESS;
		if (status != EFI_NOT_FOUND)
			goto err_match;
	}

	nic = bn_port_zalloc(sizeof(*nic));
	if (!nic) {
		status = EFI_OUT_OF_RESOURCES;
		goto err_match;
	}
	nic->signature = BN_EFI_NIC_SIGNATURE;
	if ((status = bn_efi_nic_probe(nic, ControllerHandle, io, &m)) !=
	    EFI_SUCCESS)
		goto err_nic;
	nic->rx = bn_port_zalloc(sizeof(*nic->rx) * BN_EFI_RX_RING);
	if (!nic->rx) {
		status = EFI_OUT_OF_RESOURCES;
		goto err_nic;
	}
	if ((status = bn_efi_snp_init(nic)) != EFI_SUCCESS)
		goto err_nic;
	nic->path = bn_efi_mac_path(parent, nic->nd->addr);
	if (!nic->path) {
		status = EFI_OUT_OF_RESOURCES;
		goto err_snp;
	}
	status = bn_efi_bs->InstallMultipleProtocolInterfaces(&nic->child,
		&bn_efi_snp_guid, &nic->snp, &bn_efi_device_path_guid,
		nic->path, NULL);
	if (status != EFI_SUCCESS)
		goto err_snp;
	nic->next = bn_efi_nics;
	bn_efi_nics = nic;
	bn_efi_bs->ConnectController(nic->child, NULL, NULL, TRUE);
	return EFI_SUCCESS;

 err_snp:
	bn_efi_snp_fini(nic);
 err_nic:
	bn_efi_nic_free(nic);
 err_match:
	bn_efi_bs->CloseProtocol(ControllerHandle, &bn_efi_usb_io_guid, agent,
				 ControllerHandle);
	return status;
}

/**
 * Test whether the adapter behind an interface is still there: it answers
 * GET_STATUS (the bus driver stops a driver both when asked to and when
 * the device was unplugged).
 *
 * @param nic		Interface
 * @return		true if it answered
 */
static bool bn_efi_nic_present(struct bn_efi_nic *nic)
{
	struct bn_setup setup = {
		.request_type = BN_USB_DIR_IN | BN_USB_TYPE_STANDARD |
				BN_USB_RECIP_DEVICE,
		.request = BN_USB_REQ_GET_STATUS,
		.length = BN_EFI_GET_STATUS_LEN,
	};
	uint8_t status[BN_EFI_GET_STATUS_LEN];

	return bn_efi_usb_control(nic->io, &setup, status) >= 0;
}

/**
 * Unbind.  When asked to, remove the SNP child and release the
 * controller (EFI_DEVICE_ERROR while the child is in use).  When the
 * adapter was unplugged, release the hardware and the controller but keep
 * the SNP child without media for the adapter's return
 * (bn_efi_nic_return()).
 *
 * @param This		Driver Binding
 * @param ControllerHandle	The bound interface's handle
 * @param NumberOfChildren	Children to remove (none are registered)
 * @param ChildHandleBuffer	The children
 * @return		EFI_SUCCESS, or EFI_DEVICE_ERROR if the child is in use
 */
static EFI_STATUS EFIAPI bn_efi_stop(EFI_DRIVER_BINDING_PROTOCOL *This,
				     EFI_HANDLE ControllerHandle,
				     UINTN NumberOfChildren,
				     EFI_HANDLE *ChildHandleBuffer)
{
	EFI_HANDLE agent = This->DriverBindingHandle;
	struct bn_efi_nic *nic, **link;

	(void)NumberOfChildren;
	(void)ChildHandleBuffer;
	for (link = &bn_efi_nics; *link; link = &(*link)->next) {
		if ((*link)->controller == ControllerHandle)
			break;
	}
	nic = *link;
	if (!nic)
		return EFI_DEVICE_ERROR;

	if (nic->child && !bn_efi_nic_present(nic)) {
		BN_INFO("bootnic", "adapter unplugged: interface kept "
			"without media");
		bn_efi_snp_detach(nic);
		bn_efi_nic_release(nic);
		nic->gone = true;
		nic->controller = NULL;
		nic->io = NULL;
		bn_efi_bs->CloseProtocol(ControllerHandle,
					 &bn_efi_usb_io_guid, agent,
					 ControllerHandle);
		return EFI_SUCCESS;
	}
	if (nic->child) {
		if (bn_efi_bs->UninstallMultipleProtocolInterfaces(nic->child,
			    &bn_efi_snp_guid, &nic->snp,
			    &bn_efi_device_path_guid, nic->path, NULL) !=
		    EFI_SUCCESS)
			return EFI_DEVICE_ERROR;
		nic->child = NULL;
	}
	*link = nic->next;
	bn_efi_snp_fini(nic);
	bn_efi_nic_free(nic);
	bn_efi_bs->CloseProtocol(ControllerHandle, &bn_efi_usb_io_guid, agent,
				 ControllerHandle);
	return EFI_SUCCESS;
}

/** The Driver Binding protocol (image handles are set at entry). */
EFI_DRIVER_BINDING_PROTOCOL bn_efi_binding = {
	.Supported = bn_efi_supported,
	.Start = bn_efi_start,
	.Stop = bn_efi_stop,
	.Version = BN_EFI_BINDING_VERSION,
};

/* ------------------------------------------------------------------------
 * Entry
 * ------------------------------------------------------------------------ */

EFI_STATUS bn_efi_driver_entry(EFI_HANDLE image, EFI_SYSTEM_TABLE *st)
{
	bn_efi_port_init(st);
	bn_efi_name_init();
	bn_efi_binding.ImageHandle = image;
	bn_efi_binding.DriverBindingHandle = image;
	return bn_efi_bs->InstallMultipleProtocolInterfaces(&image,
		&bn_efi_driver_binding_guid, &bn_efi_binding,
		&bn_efi_component_name2_guid, &bn_efi_component_name2,
		&bn_efi_component_name_guid, &bn_efi_component_name, NULL);
}
