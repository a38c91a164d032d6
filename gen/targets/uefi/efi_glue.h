/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_EFI_GLUE_H
#define BN_EFI_GLUE_H

/**
 * @file
 * UEFI glue: what the files of the UEFI export share.
 *
 * The glue turns one bootnic driver into a UEFI boot-service driver that
 * follows the UEFI driver model: a Driver Binding that attaches to the
 * firmware's EFI_USB_IO_PROTOCOL handles (one per interface), a
 * host-controller backend over UsbIo, and an EFI_SIMPLE_NETWORK_PROTOCOL on a
 * child handle whose device path ends in a MAC node, which the firmware's
 * network stack (MNP, IP4, DHCP4, PXE) then binds to.
 *
 * The same C serves gnu-efi and EDK2: it names only types both declare
 * (the UEFI specification's), keeps its own pointers to the system tables,
 * its own GUID objects, and declares EFI_USB_IO_PROTOCOL itself because
 * gnu-efi has no UsbIo header.  Everything the firmware calls is EFIAPI.
 */

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include <efi.h>
#include "bn_desc.h"
#include "bn_family.h"
#include "bn_netdev.h"
#include "bn_port.h"
#include "bn_usb.h"
#include "hcd/hcd.h"

/**
 * Which SDK log lines are compiled in: all when the export is built with
 * BN_EFI_DEBUG set to 1 (gnu-efi: `make DEBUG=1`; EDK2: a DEBUG build,
 * where MDEPKG_NDEBUG is not defined), none otherwise, so that a release
 * image carries no log text and no formatter.  The export's prelude
 * defines BN_EFI_DEBUG; this replaces the SDK's default (sdk/bn_log.h).
 *
 * @param level		::bn_log_level
 */
#define BN_LOG_BUILT(level) BN_EFI_DEBUG

/* ------------------------------------------------------------------------
 * EFI_USB_IO_PROTOCOL (UEFI 2.x section 17.2), declared here
 * ------------------------------------------------------------------------ */

/*
 * The descriptor structures are packed in the specification; every 16-bit
 * field here falls on an even offset, so natural alignment gives the same
 * field offsets and at most a padding byte at the end, which the firmware
 * (copying its own, smaller size) never writes.
 */

/** Data stage direction of a control transfer. */
typedef enum {
	EfiUsbDataIn,		/**< Device to host */
	EfiUsbDataOut,		/**< Host to device */
	EfiUsbNoData,		/**< No data stage */
} EFI_USB_DATA_DIRECTION;

/** A control request's setup packet. */
typedef struct {
	UINT8 RequestType;	/**< bmRequestType */
	UINT8 Request;		/**< bRequest */
	UINT16 Value;		/**< wValue */
	UINT16 Index;		/**< wIndex */
	UINT16 Length;		/**< wLength */
} EFI_USB_DEVICE_REQUEST;

/** A device descriptor as UsbIo returns it. */
typedef struct {
	UINT8 Length;			/**< bLength */
	UINT8 DescriptorType;		/**< bDescriptorType */
	UINT16 BcdUSB;			/**< bcdUSB */
	UINT8 DeviceClass;		/**< bDeviceClass */
	UINT8 DeviceSubClass;		/**< bDeviceSubClass */
	UINT8 DeviceProtocol;		/**< bDeviceProtocol */
	UINT8 MaxPacketSize0;		/**< bMaxPacketSize0 */
	UINT16 IdVendor;		/**< idVendor */
	UINT16 IdProduct;		/**< idProduct */
	UINT16 BcdDevice;		/**< bcdDevice */
	UINT8 StrManufacturer;		/**< iManufacturer */
	UINT8 StrProduct;		/**< iProduct */
	UINT8 StrSerialNumber;		/**< iSerialNumber */
	UINT8 NumConfigurations;	/**< bNumConfigurations */
} EFI_USB_DEVICE_DESCRIPTOR;

/** The active configuration's descriptor header as UsbIo returns it. */
typedef struct {
	UINT8 Length;			/**< bLength */
	UINT8 DescriptorType;		/**< bDescriptorType */
	UINT16 TotalLength;		/**< wTotalLength */
	UINT8 NumInterfaces;		/**< bNumInterfaces */
	UINT8 ConfigurationValue;	/**< bConfigurationValue */
	UINT8 Configuration;		/**< iConfiguration */
	UINT8 Attributes;		/**< bmAttributes */
	UINT8 MaxPower;			/**< bMaxPower */
} EFI_USB_CONFIG_DESCRIPTOR;

/** The interface descriptor of a UsbIo handle's current setting. */
typedef struct {
	UINT8 Length;			/**< bLength */
	UINT8 DescriptorType;		/**< bDescriptorType */
	UINT8 InterfaceNumber;		/**< bInterfaceNumber */
	UINT8 AlternateSetting;		/**< bAlternateSetting */
	UINT8 NumEndpoints;		/**< bNumEndpoints */
	UINT8 InterfaceClass;		/**< bInterfaceClass */
	UINT8 InterfaceSubClass;	/**< bInterfaceSubClass */
	UINT8 InterfaceProtocol;	/**< bInterfaceProtocol */
	UINT8 Interface;		/**< iInterface */
} EFI_USB_INTERFACE_DESCRIPTOR;

/** An endpoint descriptor as UsbIo returns it. */
typedef struct {
	UINT8 Length;			/**< bLength */
	UINT8 DescriptorType;		/**< bDescriptorType */
	UINT8 EndpointAddress;		/**< bEndpointAddress */
	UINT8 Attributes;		/**< bmAttributes */
	UINT16 MaxPacketSize;		/**< wMaxPacketSize */
	UINT8 Interval;			/**< bInterval */
} EFI_USB_ENDPOINT_DESCRIPTOR;

/* Transfer result bits (the Status out-parameter of UsbIo transfers) */
#define EFI_USB_NOERROR		0x0000	/**< No error */
#define EFI_USB_ERR_NOTEXECUTE	0x0001	/**< Not executed */
#define EFI_USB_ERR_STALL	0x0002	/**< Endpoint stalled */
#define EFI_USB_ERR_BUFFER	0x0004	/**< Data buffer error */
#define EFI_USB_ERR_BABBLE	0x0008	/**< Babble */
#define EFI_USB_ERR_NAK		0x0010	/**< NAK */
#define EFI_USB_ERR_CRC		0x0020	/**< CRC error */
#define EFI_USB_ERR_TIMEOUT	0x0040	/**< Timed out */
#define EFI_USB_ERR_BITSTUFF	0x0080	/**< Bit stuffing error */
#define EFI_USB_ERR_SYSTEM	0x0100	/**< Host system error */

/**
 * Completion callback of an asynchronous interrupt or isochronous transfer.
 *
 * @param Data		Received bytes
 * @param DataLength	Their number
 * @param Context	The context given when the transfer was started
 * @param Status	EFI_USB_* result bits
 * @return		EFI_SUCCESS
 */
typedef EFI_STATUS (EFIAPI *EFI_ASYNC_USB_TRANSFER_CALLBACK)(
	VOID *Data, UINTN DataLength, VOID *Context, UINT32 Status);

/** The UsbIo function table, in specification order. */
typedef struct _EFI_USB_IO_PROTOCOL {
	/** Control transfer on the default pipe (synchronous). */
	EFI_STATUS (EFIAPI *UsbControlTransfer)(struct _EFI_USB_IO_PROTOCOL *This,
		EFI_USB_DEVICE_REQUEST *Request,
		EFI_USB_DATA_DIRECTION Direction, UINT32 Timeout, VOID *Data,
		UINTN DataLength, UINT32 *Status);
	/** Bulk transfer on this interface's current setting (synchronous). */
	EFI_STATUS (EFIAPI *UsbBulkTransfer)(struct _EFI_USB_IO_PROTOCOL *This,
		UINT8 DeviceEndpoint, VOID *Data, UINTN *DataLength,
		UINTN Timeout, UINT32 *Status);
	/** Start or stop a periodic interrupt-IN transfer. */
	EFI_STATUS (EFIAPI *UsbAsyncInterruptTransfer)(
		struct _EFI_USB_IO_PROTOCOL *This, UINT8 DeviceEndpoint,
		BOOLEAN IsNewTransfer, UINTN PollingInterval,
		UINTN DataLength,
		EFI_ASYNC_USB_TRANSFER_CALLBACK InterruptCallBack,
		VOID *Context);
	/** One interrupt transfer (synchronous). */
	EFI_STATUS (EFIAPI *UsbSyncInterruptTransfer)(
		struct _EFI_USB_IO_PROTOCOL *This, UINT8 DeviceEndpoint, VOID *Data,
		UINTN *DataLength, UINTN Timeout, UINT32 *Status);
	/** One isochronous transfer (synchronous). */
	EFI_STATUS (EFIAPI *UsbIsochronousTransfer)(
		struct _EFI_USB_IO_PROTOCOL *This, UINT8 DeviceEndpoint, VOID *Data,
		UINTN DataLength, UINT32 *Status);
	/** One isochronous transfer (asynchronous). */
	EFI_STATUS (EFIAPI *UsbAsyncIsochronousTransfer)(
		struct _EFI_USB_IO_PROTOCOL *This, UINT8 DeviceEndpoint, VOID *Data,
		UINTN DataLength,
		EFI_ASYNC_USB_TRANSFER_CALLBACK IsochronousCallBack,
		VOID *Context);
	/** Copy of the device descriptor. */
	EFI_STATUS (EFIAPI *UsbGetDeviceDescriptor)(struct _EFI_USB_IO_PROTOCOL *This,
		EFI_USB_DEVICE_DESCRIPTOR *DeviceDescriptor);
	/** Copy of the active configuration descriptor's 9-byte header. */
	EFI_STATUS (EFIAPI *UsbGetConfigDescriptor)(struct _EFI_USB_IO_PROTOCOL *This,
		EFI_USB_CONFIG_DESCRIPTOR *ConfigurationDescriptor);
	/** Copy of this interface's current interface descriptor. */
	EFI_STATUS (EFIAPI *UsbGetInterfaceDescriptor)(
		struct _EFI_USB_IO_PROTOCOL *This,
		EFI_USB_INTERFACE_DESCRIPTOR *InterfaceDescriptor);
	/** Copy of one endpoint descriptor of the current setting. */
	EFI_STATUS (EFIAPI *UsbGetEndpointDescriptor)(
		struct _EFI_USB_IO_PROTOCOL *This, UINT8 EndpointIndex,
		EFI_USB_ENDPOINT_DESCRIPTOR *EndpointDescriptor);
	/** A string descriptor (the caller frees it). */
	EFI_STATUS (EFIAPI *UsbGetStringDescriptor)(struct _EFI_USB_IO_PROTOCOL *This,
		UINT16 LangID, UINT8 StringID, CHAR16 **String);
	/** The device's language IDs. */
	EFI_STATUS (EFIAPI *UsbGetSupportedLanguages)(
		struct _EFI_USB_IO_PROTOCOL *This, UINT16 **LangIDTable,
		UINT16 *TableSize);
	/** Reset the device's port and re-address it. */
	EFI_STATUS (EFIAPI *UsbPortReset)(struct _EFI_USB_IO_PROTOCOL *This);
} EFI_USB_IO_PROTOCOL;

/* ------------------------------------------------------------------------
 * Tuning
 * ------------------------------------------------------------------------ */

/** Timeout of a bulk-IN attempt beyond the time its bytes take on the bus,
 * ms (see bn_efi_usb_in_timeout()). */
#define BN_EFI_BULK_IN_POLL_MS		2
/** Most bulk packets a full-speed frame (1 ms) carries (USB 2.0, table
 * 5-10: 19 of 64 bytes). */
#define BN_EFI_FS_BULK_PACKETS_PER_MS	19
/** Timeout of a bulk-OUT transfer, ms. */
#define BN_EFI_BULK_OUT_MS		100
/** Longest wait of a bulk-IN attempt for the reply to a transmit in a
 * lock-step exchange, ms (see bn_efi_usb_wake()). */
#define BN_EFI_BULK_IN_REPLY_MS		20
/** Empty bulk-IN attempts in a row while a frame is expected, before the
 * endpoint rests (see bn_efi_usb_in_due()). */
#define BN_EFI_BULK_IN_EXPECT_TRIES	3
/** First rest of a bulk-IN endpoint after an attempt found nothing, us. */
#define BN_EFI_BULK_IN_REST_MIN_US	20000
/** Longest rest of an idle bulk-IN endpoint, us. */
#define BN_EFI_BULK_IN_REST_MAX_US	100000
/** A transmit that took this long may have outlasted the firmware's wait
 * for the host controller to let go of it (EDK2's EHCI driver: 10 ms), us
 * (see bn_efi_usb_settle()). */
#define BN_EFI_HC_SYNC_US		10000
/** Timeout of the request that settles the host controller, ms. */
#define BN_EFI_SETTLE_MS		20
/** First pause before a request that settles the host controller, us. */
#define BN_EFI_SETTLE_PAUSE_US		4000
/** Longest time spent settling the host controller before an attempt, us. */
#define BN_EFI_SETTLE_MAX_US		250000
/** Largest interrupt-IN transfer latched from the firmware's callback. */
#define BN_EFI_INTR_MAX			64
/** Interrupt-IN transfers latched between two polls. */
#define BN_EFI_INTR_RING		4
/** Received frames held for SNP Receive. */
#define BN_EFI_RX_RING			32
/** Transmit buffers handed back through SNP GetStatus. */
#define BN_EFI_TX_RING			32
/** Period of the polling timer, in 100 ns units (10 ms). */
#define BN_EFI_TIMER_PERIOD		100000
/** The timer skips its poll if the device was polled this recently, us. */
#define BN_EFI_TIMER_SKIP_US		5000
/** Microseconds of Stall used to calibrate the time-stamp counter. */
#define BN_EFI_CALIBRATE_US		10000
/** Driver Binding version (IHV range; higher wins among equal drivers). */
#define BN_EFI_BINDING_VERSION		0x10
/** Length of names kept as CHAR16 strings. */
#define BN_EFI_NAME_MAX			80
/** Interface type of the MAC device path node and SNP mode: Ethernet. */
#define BN_EFI_IFTYPE_ETHERNET		1

/* ------------------------------------------------------------------------
 * Environment
 * ------------------------------------------------------------------------ */

/**
 * The drivers this image carries, NULL-terminated: one in a single-driver
 * image, every built-in driver in bootnic.efi.  The exporter renders the
 * table after the amalgamated glue.
 */
extern const struct bn_driver *const bn_efi_drivers[];

extern EFI_SYSTEM_TABLE *bn_efi_st;
extern EFI_BOOT_SERVICES *bn_efi_bs;
extern EFI_GUID bn_efi_usb_io_guid;
extern EFI_GUID bn_efi_snp_guid;
extern EFI_GUID bn_efi_device_path_guid;
extern EFI_GUID bn_efi_driver_binding_guid;
extern EFI_GUID bn_efi_component_name2_guid;
extern EFI_GUID bn_efi_component_name_guid;

/**
 * Remember the system tables and calibrate the clock (first thing at entry).
 *
 * @param st		The system table handed to the image
 */
void bn_efi_port_init(EFI_SYSTEM_TABLE *st);

/** Room for an unsigned 32-bit number in decimal, with its NUL. */
#define BN_EFI_DECIMAL_MAX 11

/**
 * Join strings into a buffer, truncating (what the glue's messages need of
 * a formatter, without carrying one).
 *
 * @param buf		Output, always NUL-terminated
 * @param size		Its size (at least 1)
 * @param parts		Strings, the list ended by NULL
 */
void bn_efi_join(char *buf, size_t size, const char *const *parts);

/**
 * Write a number in decimal.
 *
 * @param buf		Room for the digits
 * @param value		Number
 * @return		The digits, inside @p buf
 */
const char *bn_efi_decimal(char buf[BN_EFI_DECIMAL_MAX], unsigned int value);

/**
 * Copy an ASCII string into a CHAR16 buffer, truncating.
 *
 * @param dst		Output, always NUL-terminated
 * @param size		Its size in characters (at least 1)
 * @param src		NUL-terminated ASCII
 */
void bn_efi_ascii_to_char16(CHAR16 *dst, size_t size, const char *src);

/**
 * Acknowledge the local APIC timer interrupt if it is the one in service
 * (a work-around for OVMF before edk2-stable202302, see efi_apic.c).
 */
void bn_efi_apic_ack_timer(void);


/* ------------------------------------------------------------------------
 * Host-controller backend over UsbIo
 * ------------------------------------------------------------------------ */

/** One interface of the bound function and the UsbIo that reaches it. */
struct bn_efi_usb_if {
	uint8_t number;			/**< bInterfaceNumber */
	EFI_USB_IO_PROTOCOL *io;	/**< Its UsbIo */
};

struct bn_efi_ep;

/** The backend: a ::bn_hcd over the UsbIo instances of one function. */
struct bn_efi_usb {
	struct bn_hcd hcd;		/**< The host controller the SDK sees */
	struct bn_usb_device *dev;	/**< Device (for endpoint look-ups) */
	EFI_USB_IO_PROTOCOL *control;	/**< UsbIo of the bound interface */
	struct bn_efi_usb_if ifs[BN_FUNCTION_MAX_INTERFACES]; /**< Interfaces */
	unsigned int if_count;		/**< Entries in @c ifs */
	struct bn_efi_ep *eps;		/**< Open endpoints */
	struct bn_xfer *done_head;	/**< Finished transfers to complete */
	struct bn_xfer *done_tail;	/**< Last of them */
	bool rx_wanted;			/**< The network stack is asking for a frame
					     (set around the polls of SNP Receive) */
	bool unsettled;			/**< A transmit took ::BN_EFI_HC_SYNC_US or
					     longer (see bn_efi_usb_settle()) */
};

/**
 * Set up the backend for one function.
 *
 * @param usb		Backend (zeroed by the caller)
 * @param control	UsbIo of the interface the driver binding owns
 * @param dev		The device the SDK will open through this backend
 */
void bn_efi_usb_init(struct bn_efi_usb *usb, EFI_USB_IO_PROTOCOL *control,
		     struct bn_usb_device *dev);

/**
 * Make an interface reachable (its UsbIo carries its bulk transfers and
 * SET_INTERFACE requests).
 *
 * @param usb		Backend
 * @param number	bInterfaceNumber
 * @param io		Its UsbIo
 * @return		0, or -BN_ENOSPC when the table is full
 */
int bn_efi_usb_add_interface(struct bn_efi_usb *usb, uint8_t number,
			     EFI_USB_IO_PROTOCOL *io);

/**
 * Issue a control request straight through a UsbIo (no backend needed).
 *
 * @param io		UsbIo
 * @param setup		Request
 * @param data		Data stage buffer (zeroed first for IN requests)
 * @return		Bytes transferred (see bn_efi_usb_short_length()), or
 *			a negative ::bn_err
 */
int bn_efi_usb_control(EFI_USB_IO_PROTOCOL *io, const struct bn_setup *setup,
		       void *data);

/**
 * Deliver the transfers that finished outside a poll (a transmit, which
 * UsbIo runs to its end when it is submitted), so that the caller sees
 * the completion at once instead of from the next poll.
 *
 * @param usb		Backend
 */
void bn_efi_usb_complete(struct bn_efi_usb *usb);

/* ------------------------------------------------------------------------
 * Functions, configurations and matching
 * ------------------------------------------------------------------------ */

/** Where the driver's best function is, as seen through one UsbIo. */
struct bn_efi_match {
	uint8_t config_index;		/**< Configuration index */
	uint8_t config_value;		/**< Its bConfigurationValue */
	bool active;			/**< It is the active configuration */
	struct bn_match match;		/**< Driver, row and score */
	uint8_t first_interface;	/**< The function's first interface */
};

/**
 * Read one configuration descriptor set with GET_DESCRIPTOR and validate it.
 *
 * @param io		UsbIo of any interface of the device
 * @param index		Configuration index
 * @param bufp		Descriptor bytes out (free with bn_port_free())
 * @param cfg		Validated view out
 * @return		0 or a negative ::bn_err
 */
int bn_efi_read_config(EFI_USB_IO_PROTOCOL *io, uint8_t index, uint8_t **bufp,
		       struct bn_config *cfg);

/**
 * Find the driver's best function on the device (reads only).
 *
 * In the active configuration only a function that starts at @p interface
 * counts, so the driver binds once per function; in the others any function
 * counts, so a configuration switch can be proposed from any interface.
 *
 * @param io		UsbIo of the interface being considered
 * @param out		Best match out (in the active configuration if any)
 * @return		0 when something matched, -BN_ENOENT when nothing
 *			did, or another negative ::bn_err
 */
int bn_efi_find_function(EFI_USB_IO_PROTOCOL *io, struct bn_efi_match *out);

/* ------------------------------------------------------------------------
 * Network interfaces
 * ------------------------------------------------------------------------ */

/** Signature of a ::bn_efi_nic ("bnic"). */
#define BN_EFI_NIC_SIGNATURE 0x63696e62

/** One received frame waiting for SNP Receive. */
struct bn_efi_rx {
	UINT16 len;				/**< Frame length */
	UINT8 data[BN_ETH_FRAME_MAX + 4];	/**< Frame (a VLAN tag fits) */
};

/** Everything the driver keeps per bound function. */
struct bn_efi_nic {
	UINT32 signature;			/**< ::BN_EFI_NIC_SIGNATURE */
	struct bn_efi_nic *next;		/**< Next bound function */
	EFI_HANDLE controller;			/**< Handle of the bound interface
					     (NULL while unplugged) */
	EFI_USB_IO_PROTOCOL *io;		/**< Its UsbIo (opened BY_DRIVER) */
	EFI_HANDLE child;			/**< Handle with SNP and the MAC path */
	bool gone;				/**< Unplugged: SNP lives on without
					     hardware (@c nd NULL) until the
					     adapter is back on its port */
	EFI_DEVICE_PATH *path;			/**< The child's device path */
	struct bn_efi_usb usb;			/**< Host-controller backend */
	struct bn_usb_device dev;		/**< The USB device */
	struct bn_netdev *nd;			/**< The network device */
	EFI_SIMPLE_NETWORK_PROTOCOL snp;	/**< The protocol installed */
	EFI_SIMPLE_NETWORK_MODE mode;		/**< Its mode */
	EFI_EVENT timer;			/**< Periodic polling timer */
	bool polling;				/**< Inside a poll (no nesting) */
	uint64_t last_poll_us;			/**< Clock at the last poll */
	bool link_known;			/**< The driver reported a link state */
	UINT32 irq_status;			/**< Pending SNP interrupt bits */
	struct bn_efi_rx *rx;			/**< Receive ring */
	unsigned int rx_head;			/**< Oldest frame */
	unsigned int rx_count;			/**< Frames held */
	VOID *tx_done[BN_EFI_TX_RING];		/**< Buffers to hand back */
	unsigned int tx_head;			/**< Oldest of them */
	unsigned int tx_count;			/**< Buffers to hand back */
	unsigned int tx_inflight;		/**< Transmits not yet completed */
	uint64_t rx_unicast;			/**< Unicast frames delivered */
	uint64_t rx_broadcast;			/**< Broadcast frames delivered */
	uint64_t rx_multicast;			/**< Multicast frames delivered */
	CHAR16 name[BN_EFI_NAME_MAX];		/**< Controller name */
};

/** Every function this driver is bound to. */
extern struct bn_efi_nic *bn_efi_nics;

/**
 * Fill in the SNP protocol and mode of a probed network interface and
 * create its events.
 *
 * @param nic		Interface with @c nd probed
 * @return		EFI_SUCCESS or an error from CreateEvent
 */
EFI_STATUS bn_efi_snp_init(struct bn_efi_nic *nic);

/**
 * Stop the interface if the network stack left it running and close its
 * events.
 *
 * @param nic		Interface
 */
void bn_efi_snp_fini(struct bn_efi_nic *nic);

/**
 * The adapter was unplugged: close the device and drop held frames but
 * keep the protocol, with no media (the firmware's network stack above
 * stays as it is and sees a cable pulled out).  The caller then removes
 * the network device (@c nd becomes NULL).
 *
 * @param nic		Interface
 */
void bn_efi_snp_detach(struct bn_efi_nic *nic);

/**
 * The adapter is back (a new @c nd probed into this interface): open it
 * again if the protocol was initialized, with the filters in force.
 *
 * @param nic		Interface
 * @return		EFI_SUCCESS, or EFI_DEVICE_ERROR (still no media)
 */
EFI_STATUS bn_efi_snp_attach(struct bn_efi_nic *nic);

/** The environment callbacks that feed SNP from the driver. */
extern const struct bn_netdev_env bn_efi_netdev_env;

/* ------------------------------------------------------------------------
 * Driver binding and names
 * ------------------------------------------------------------------------ */

extern EFI_DRIVER_BINDING_PROTOCOL bn_efi_binding;
extern EFI_COMPONENT_NAME2_PROTOCOL bn_efi_component_name2;
extern EFI_COMPONENT_NAME_PROTOCOL bn_efi_component_name;

/**
 * Prepare the driver's name strings (from the exported driver).
 */
void bn_efi_name_init(void);

/**
 * Driver entry: remember the system tables and install the Driver Binding
 * and Component Name protocols on the image handle.
 *
 * Called from the image's entry point (efi_main for gnu-efi, the INF's
 * ENTRY_POINT for EDK2).
 *
 * @param image		The driver's image handle
 * @param st		The system table
 * @return		EFI_SUCCESS, or the error that prevented installing
 */
EFI_STATUS bn_efi_driver_entry(EFI_HANDLE image, EFI_SYSTEM_TABLE *st);

#endif /* BN_EFI_GLUE_H */
