/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * A fake of the iPXE functions an export calls, and a harness that drives
 * an exported CDC-ECM driver through them as iPXE would: probe with QEMU
 * usb-net's ECM configuration, open, link notification, receive, transmit,
 * a failed receive, close and remove.
 *
 * test_ipxe_glue renders the export, compiles it and this file against
 * include/ (gcc -nostdinc), links them with the host C library and runs
 * the result.  Each event prints one line; a failed expectation prints
 * "FAIL: ..." and the exit status is 1.
 *
 * The fake follows iPXE's documented contracts (completions only from
 * usb_poll(), in order per endpoint; usb_endpoint_close() hands back every
 * queued buffer with the endpoint already closed; usb_control() is
 * synchronous and zero-fills a short IN data stage), not iPXE's code.  It
 * tests the glue's logic, not iPXE.
 */

#include <ipxe/errfile.h>
#define ERRFILE_fake_ipxe ( ERRFILE_DRIVER | 0x00ee0000 )
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <errno.h>
#include <ipxe/timer.h>
#include <ipxe/iobuf.h>
#include <ipxe/usb.h>
#include <ipxe/netdevice.h>
#include <ipxe/ethernet.h>

/* Host C library functions the shim does not declare */
extern void *calloc(size_t n, size_t len);
extern void exit(int status);

/* The exported driver (named on the compiler command line) */
extern struct usb_driver DRIVER;

/* ---- Expectations ---- */

static int failures;
static unsigned int checks;

#define CHECK(cond, ...) do {						\
	checks++;							\
	if (!(cond)) {							\
		failures++;						\
		printf("FAIL: line %d: ", __LINE__);			\
		printf(__VA_ARGS__);					\
		printf("\n");						\
	}								\
} while (0)

/* ---- Time ---- */

static unsigned long now_us;

unsigned long currticks(void)
{
	return (unsigned long)(((unsigned long long)now_us * TICKS_PER_SEC) /
			       1000000);
}

void udelay(unsigned long usecs)
{
	now_us += usecs;
}

void mdelay(unsigned long msecs)
{
	now_us += msecs * 1000;
}

char *strerror(int rc)
{
	static char buf[32];

	snprintf(buf, sizeof(buf), "error %#x", rc);
	return buf;
}

void *zalloc(size_t len)
{
	return calloc(1, len);
}

/* ---- I/O buffers ---- */

static int iobufs_live;
static unsigned int iobufs_allocated;

struct io_buffer *alloc_iob(size_t len)
{
	struct io_buffer *iobuf = calloc(1, sizeof(*iobuf) + len);

	if (!iobuf)
		return NULL;
	iobuf->head = iobuf->data = iobuf->tail = (char *)(iobuf + 1);
	iobuf->end = (char *)iobuf->head + len;
	iobufs_live++;
	iobufs_allocated++;
	return iobuf;
}

void free_iob(struct io_buffer *iobuf)
{
	if (!iobuf)
		return;
	iobufs_live--;
	free(iobuf);
}

/* ---- USB: endpoints, streams, completions ---- */

#define MAX_QUEUE 16

/* An endpoint's queued buffers, and completions waiting for a poll */
struct fake_ep {
	struct usb_endpoint *ep;
	struct io_buffer *queued[MAX_QUEUE];
	unsigned int count;
	int ready_rc[MAX_QUEUE];	/* completions to deliver at poll */
	unsigned int ready;
	unsigned int streams;		/* usb_stream() calls */
	unsigned int recycled;		/* recycled buffers usb_refill() took */
	struct io_buffer *completed;	/* last buffer completed with data */
	unsigned int opens;		/* usb_endpoint_open() calls */
	int last_terminate;
	size_t last_len;
};

static struct fake_ep eps[32];

static struct fake_ep *fake_ep(unsigned int address)
{
	return &eps[(address & 0x0f) | ((address & USB_DIR_IN) ? 0x10 : 0)];
}

int usb_endpoint_open(struct usb_endpoint *ep)
{
	struct fake_ep *f = fake_ep(ep->address);

	CHECK(!f->ep || !f->ep->open, "endpoint %02x opened twice",
	      ep->address);
	f->ep = ep;
	f->count = f->ready = 0;
	f->opens++;
	ep->open = 1;
	printf("open %02x attr %u mtu %zu interval %u\n", ep->address,
	       ep->attributes, ep->mtu, ep->interval);
	return 0;
}

void usb_endpoint_close(struct usb_endpoint *ep)
{
	struct fake_ep *f = fake_ep(ep->address);
	unsigned int i, n = f->count;

	struct io_buffer *iobuf;

	CHECK(ep->open, "endpoint %02x closed while not open", ep->address);
	ep->open = 0;
	f->count = f->ready = 0;
	ep->fill = 0;
	printf("close %02x (%u cancelled)\n", ep->address, n);
	for (i = 0; i < n; i++)
		ep->driver->complete(ep, f->queued[i], -ECANCELED);
	/* Recycled buffers are freed when the endpoint refills */
	while (ep->max && (iobuf = list_first_entry(&ep->recycled,
						      struct io_buffer,
						      list)) != NULL) {
		list_del(&iobuf->list);
		free_iob(iobuf);
	}
}

int usb_endpoint_clear_halt(struct usb_endpoint *ep)
{
	(void)ep;
	return 0;
}

int usb_stream(struct usb_endpoint *ep, struct io_buffer *iobuf,
	       int terminate)
{
	struct fake_ep *f = fake_ep(ep->address);

	CHECK(ep->open, "stream on closed endpoint %02x", ep->address);
	if (f->count == MAX_QUEUE)
		return -ENOBUFS;
	f->queued[f->count++] = iobuf;
	f->streams++;
	ep->fill++;
	f->last_len = iob_len(iobuf);
	f->last_terminate = terminate;
	return 0;
}

int usb_refill(struct usb_endpoint *ep)
{
	struct fake_ep *f = fake_ep(ep->address);
	struct io_buffer *iobuf;
	size_t len = ep->len ? ep->len : ep->mtu;
	int rc;

	CHECK(ep->open && ep->max, "refill on %02x: open %d, max %u",
	      ep->address, ep->open, ep->max);
	while (ep->fill < ep->max) {
		iobuf = list_first_entry(&ep->recycled, struct io_buffer, list);
		if (iobuf) {
			list_del(&iobuf->list);
			f->recycled++;
		} else {
			iobuf = alloc_iob(ep->reserve + len);
			if (!iobuf)
				return -ENOMEM;
			iob_pull(iobuf, ep->reserve);
			iobuf->tail = iobuf->data;
		}
		CHECK(iob_len(iobuf) <= len, "recycled buffer longer than %zu",
		      len);
		iob_put(iobuf, len - iob_len(iobuf));
		if ((rc = usb_stream(ep, iobuf, 0)) != 0) {
			list_add_tail(&iobuf->list, &ep->recycled);
			return rc;
		}
	}
	return 0;
}

/* Arrange for the oldest queued buffer of an endpoint to complete at the
 * next poll; for IN endpoints with @p data (NULL: none) */
static void complete_next(unsigned int address, const void *data, size_t len,
			  int rc)
{
	struct fake_ep *f = fake_ep(address);
	struct io_buffer *iobuf;

	CHECK(f->ready < f->count, "nothing queued on %02x", address);
	if (f->ready >= f->count)
		return;
	iobuf = f->queued[f->ready];
	if (address & USB_DIR_IN) {
		iobuf->tail = iobuf->data;
		memcpy(iob_put(iobuf, len), data, len);
		f->completed = iobuf;
	}
	f->ready_rc[f->ready++] = rc;
}

static void fake_poll(struct usb_bus *bus)
{
	struct fake_ep *f;
	struct io_buffer *iobuf;
	unsigned int i, j;
	int rc;

	(void)bus;
	now_us += 100;
	for (i = 0; i < 32; i++) {
		f = &eps[i];
		while (f->ready && f->ep && f->ep->open) {
			iobuf = f->queued[0];
			rc = f->ready_rc[0];
			for (j = 1; j < f->count; j++)
				f->queued[j - 1] = f->queued[j];
			for (j = 1; j < f->ready; j++)
				f->ready_rc[j - 1] = f->ready_rc[j];
			f->count--;
			f->ready--;
			f->ep->fill--;
			f->ep->driver->complete(f->ep, iobuf, rc);
		}
	}
}

static struct usb_host_operations fake_host = { .poll = fake_poll };
static struct usb_bus fake_bus = { .name = "fake", .host = &fake_host };
static struct usb_hub fake_hub = { .name = "fake", .bus = &fake_bus };
static struct usb_port fake_port = { .hub = &fake_hub, .address = 1 };

/* ---- USB: descriptor look-ups ---- */

/* The descriptor after @p p if it lies wholly within the configuration
 * (and is at least a header long), else NULL */
static uint8_t *next_desc(struct usb_configuration_descriptor *config,
			  uint8_t *p)
{
	uint8_t *end = (uint8_t *)config + le16_to_cpu(config->len);

	p += p[0];
	if (p + 2 > end || p[0] < 2 || p + p[0] > end)
		return NULL;
	return p;
}

struct usb_interface_descriptor *
usb_interface_descriptor(struct usb_configuration_descriptor *config,
			 unsigned int interface, unsigned int alternate)
{
	struct usb_interface_descriptor *d;
	uint8_t *p;

	for (p = next_desc(config, (uint8_t *)config); p;
	     p = next_desc(config, p)) {
		d = (struct usb_interface_descriptor *)p;
		if (p[1] == 4 && p[0] >= sizeof(*d) &&
		    d->interface == interface && d->alternate == alternate)
			return d;
	}
	return NULL;
}

struct usb_endpoint_descriptor *
usb_endpoint_descriptor(struct usb_configuration_descriptor *config,
			struct usb_interface_descriptor *interface,
			unsigned int type, unsigned int index)
{
	struct usb_endpoint_descriptor *d;
	uint8_t *p;

	for (p = next_desc(config, (uint8_t *)interface); p && p[1] != 4;
	     p = next_desc(config, p)) {
		d = (struct usb_endpoint_descriptor *)p;
		if (p[1] == 5 && p[0] >= sizeof(*d) &&
		    (d->attributes & USB_ENDPOINT_ATTR_TYPE_MASK) ==
		    (type & USB_ENDPOINT_ATTR_TYPE_MASK) &&
		    (d->endpoint & USB_DIR_IN) == (type & USB_DIR_IN) &&
		    index-- == 0)
			return d;
	}
	return NULL;
}

/* ---- USB: control transfers ---- */

/* iMACAddress string index in the configuration below */
#define MAC_STRING 10

static char control_log[2048];

int usb_control(struct usb_device *usb, unsigned int request,
		unsigned int value, unsigned int index, void *data,
		size_t len)
{
	static const char mac[] = "525400123456";
	uint8_t *buf = data;
	size_t i;
	char line[64];

	(void)usb;
	snprintf(line, sizeof(line), "%04x:%04x:%04x:%zu ", request, value,
		 index, len);
	strcat(control_log, line);
	if (request & USB_DIR_IN)
		memset(data, 0, len);
	/* GET_DESCRIPTOR (string) */
	if (request == (USB_DIR_IN | USB_REQUEST_TYPE(0x06)) &&
	    (value >> 8) == 0x03) {
		if ((value & 0xff) == 0 && len >= 4) {
			buf[0] = 4; buf[1] = 3; buf[2] = 0x09; buf[3] = 0x04;
		} else if ((value & 0xff) == MAC_STRING) {
			uint8_t d[2 + 2 * 12];

			d[0] = sizeof(d);
			d[1] = 3;
			for (i = 0; i < 12; i++) {
				d[2 + 2 * i] = (uint8_t)mac[i];
				d[3 + 2 * i] = 0;
			}
			memcpy(buf, d, (len < sizeof(d)) ? len : sizeof(d));
		} else {
			return -EINVAL;
		}
	}
	return 0;
}

/* The string as 8-bit characters, language 0 meaning the first one the
 * device lists; the string's full length is returned, at most @p len
 * characters are written (and no terminator) */
int usb_get_string_descriptor(struct usb_device *usb, unsigned int index,
			      unsigned int language, char *buf, size_t len)
{
	uint8_t desc[256];
	unsigned int i, n;
	int rc;

	if (!language && index) {
		if ((rc = usb_control(usb, USB_DIR_IN | USB_REQUEST_TYPE(0x06),
				      0x0300, 0, desc, 4)) != 0)
			return rc;
		language = desc[2] | (desc[3] << 8);
	}
	if ((rc = usb_control(usb, USB_DIR_IN | USB_REQUEST_TYPE(0x06),
			      0x0300 | index, language, desc,
			      sizeof(desc))) != 0)
		return rc;
	if (desc[0] < 2)
		return -EINVAL;
	n = (desc[0] - 2) / 2;
	memset(buf, 0, len);
	for (i = 0; i < n && i < len; i++)
		buf[i] = (char)desc[2 + 2 * i];
	return (int)n;
}

/* ---- Network devices ---- */

static struct net_device *registered;
static int opened;
static unsigned int rx_frames, rx_errors, tx_done, link_ups, link_downs;
static size_t rx_len;
static uint8_t rx_data[2048];
static struct io_buffer *tx_last;
static struct io_buffer *rx_last;	/* the buffer netdev_rx() was given */
static int tx_last_rc;

struct net_device *alloc_etherdev(size_t priv_size)
{
	struct net_device *netdev = calloc(1, sizeof(*netdev) + priv_size);

	if (netdev)
		netdev->priv = netdev + 1;
	return netdev;
}

void netdev_init(struct net_device *netdev, struct net_device_operations *op)
{
	netdev->op = op;
}

int register_netdev(struct net_device *netdev)
{
	registered = netdev;
	memcpy(netdev->ll_addr, netdev->hw_addr, 6);
	printf("register %02x:%02x:%02x:%02x:%02x:%02x\n", netdev->hw_addr[0],
	       netdev->hw_addr[1], netdev->hw_addr[2], netdev->hw_addr[3],
	       netdev->hw_addr[4], netdev->hw_addr[5]);
	return 0;
}

void unregister_netdev(struct net_device *netdev)
{
	if (opened)
		netdev->op->close(netdev);
	opened = 0;
	registered = NULL;
	printf("unregister\n");
}

void netdev_nullify(struct net_device *netdev)
{
	netdev->op = NULL;
}

void netdev_put(struct net_device *netdev)
{
	free(netdev);
}

void netdev_rx(struct net_device *netdev, struct io_buffer *iobuf)
{
	(void)netdev;
	rx_frames++;
	rx_last = iobuf;
	rx_len = iob_len(iobuf);
	memcpy(rx_data, iobuf->data, rx_len < sizeof(rx_data) ? rx_len :
	       sizeof(rx_data));
	printf("netdev_rx %zu\n", rx_len);
	free_iob(iobuf);
}

void netdev_rx_err(struct net_device *netdev, struct io_buffer *iobuf, int rc)
{
	(void)netdev;
	(void)rc;
	rx_errors++;
	free_iob(iobuf);
}

void netdev_tx_complete_err(struct net_device *netdev,
			    struct io_buffer *iobuf, int rc)
{
	(void)netdev;
	tx_done++;
	tx_last = iobuf;
	tx_last_rc = rc;
	printf("tx_complete rc=%d\n", rc ? 1 : 0);
	free_iob(iobuf);
}

void netdev_link_up(struct net_device *netdev)
{
	(void)netdev;
	link_ups++;
	printf("link up\n");
}

void netdev_link_down(struct net_device *netdev)
{
	(void)netdev;
	link_downs++;
	printf("link down\n");
}

/* ---- The device: QEMU usb-net's CDC-ECM configuration ---- */

static uint8_t ecm_config[] = {
	0x09, 0x02, 0x50, 0x00, 0x02, 0x01, 0x07, 0xc0, 0x32,
	0x09, 0x04, 0x00, 0x00, 0x01, 0x02, 0x06, 0x00, 0x05,
	0x05, 0x24, 0x00, 0x10, 0x01,
	0x05, 0x24, 0x06, 0x00, 0x01,
	0x0d, 0x24, 0x0f, MAC_STRING, 0x00, 0x00, 0x00, 0x00,
	0xea, 0x05, 0x00, 0x00, 0x00,
	0x07, 0x05, 0x81, 0x03, 0x10, 0x00, 0x08,
	0x09, 0x04, 0x01, 0x00, 0x00, 0x0a, 0x00, 0x00, 0x00,
	0x09, 0x04, 0x01, 0x01, 0x02, 0x0a, 0x00, 0x00, 0x00,
	0x07, 0x05, 0x82, 0x02, 0x40, 0x00, 0x00,
	0x07, 0x05, 0x02, 0x02, 0x40, 0x00, 0x00,
};

static void poll_netdev(struct net_device *netdev, unsigned int times)
{
	while (times--)
		netdev->op->poll(netdev);
}

int main(void)
{
	static const uint8_t connected[8] = { 0xa1, 0x00, 0x01, 0x00,
					      0x00, 0x00, 0x00, 0x00 };
	struct usb_device usb;
	struct usb_function *func;
	struct net_device *netdev;
	struct io_buffer *tx;
	uint8_t frame[60];
	unsigned int i, in_streams, allocated, recycled;
	int rc;

	memset(&usb, 0, sizeof(usb));
	strcpy(usb.name, "fake-1");
	usb.port = &fake_port;
	usb.speed = USB_SPEED_FULL;
	usb.address = 2;
	usb.device.vendor = 0x0525;
	usb.device.product = 0xa4a2;
	usb.device.mtu = 64;
	usb.device.configurations = 2;
	usb.control.mtu = 64;
	func = calloc(1, sizeof(*func) + 2);
	func->name = "fake-1.0";
	func->usb = &usb;
	func->desc.vendor = 0x0525;
	func->desc.product = 0xa4a2;
	func->desc.class.class.class = 0x02;	/* CDC-ECM, as iPXE groups the */
	func->desc.class.class.subclass = 0x06;	/* union of interfaces 0 and 1 */
	func->desc.class.class.protocol = 0x00;
	func->desc.count = 2;
	func->interface[0] = 0;
	func->interface[1] = 1;
	for (i = 0; i < sizeof(frame); i++)
		frame[i] = (uint8_t)(0xff - i);
	frame[0] = 0x02;	/* unicast destination */

	/* Probe: MAC from the iMACAddress string */
	rc = DRIVER.probe(func, (struct usb_configuration_descriptor *)
			  ecm_config);
	CHECK(rc == 0, "probe: %d", rc);
	CHECK(registered != NULL, "no netdev registered");
	if (!registered)
		exit(1);
	netdev = registered;
	CHECK(memcmp(netdev->hw_addr, "\x52\x54\x00\x12\x34\x56", 6) == 0,
	      "MAC not from the iMACAddress string");
	CHECK(strstr(control_log, "0680:030a:0409:") != NULL,
	      "iMACAddress string not read: %s", control_log);

	/* Open: data alternate 0 then 1, filter, rings posted */
	control_log[0] = '\0';
	rc = netdev->op->open(netdev);
	opened = (rc == 0);
	CHECK(rc == 0, "open: %d", rc);
	printf("controls %s\n", control_log);
	CHECK(strstr(control_log, "0b01:0000:0001:0 0b01:0001:0001:0 ") ==
	      control_log, "SET_INTERFACE 1/0 then 1/1 first: %s",
	      control_log);
	CHECK(strstr(control_log, "4321:") != NULL,
	      "no SET_ETHERNET_PACKET_FILTER: %s", control_log);
	CHECK(fake_ep(0x82)->count == 4, "bulk IN ring: %u queued",
	      fake_ep(0x82)->count);
	CHECK(fake_ep(0x82)->last_len == 2048, "bulk IN length %zu",
	      fake_ep(0x82)->last_len);
	CHECK(fake_ep(0x81)->count == 1, "interrupt IN: %u queued",
	      fake_ep(0x81)->count);
	CHECK(fake_ep(0x81)->ep && fake_ep(0x81)->ep->interval == 64,
	      "interrupt interval not 8 frames in microframes");

	/* Link notification */
	complete_next(0x81, connected, sizeof(connected), 0);
	poll_netdev(netdev, 2);
	CHECK(link_ups == 1, "link ups %u", link_ups);
	CHECK(fake_ep(0x81)->count == 1, "interrupt IN not requeued");

	/* Receive one frame: it goes up in the very buffer the endpoint
	 * completed (no copy), and the ring is refilled with a new one */
	in_streams = fake_ep(0x82)->streams;
	allocated = iobufs_allocated;
	complete_next(0x82, frame, sizeof(frame), 0);
	poll_netdev(netdev, 2);
	CHECK(rx_frames == 1 && rx_len == sizeof(frame), "rx %u frames, %zu "
	      "bytes", rx_frames, rx_len);
	CHECK(memcmp(rx_data, frame, sizeof(frame)) == 0, "rx data differs");
	CHECK(rx_last == fake_ep(0x82)->completed, "frame copied instead of "
	      "handed up in its receive buffer");
	CHECK(iobufs_allocated == allocated + 1, "%u buffers allocated for "
	      "one received frame (one refill expected)",
	      iobufs_allocated - allocated);
	CHECK(fake_ep(0x82)->count == 4 &&
	      fake_ep(0x82)->streams == in_streams + 1, "bulk IN not "
	      "requeued: %u queued", fake_ep(0x82)->count);

	/* An empty transfer carries no frame: its buffer is recycled and
	 * streamed again, nothing is allocated */
	allocated = iobufs_allocated;
	recycled = fake_ep(0x82)->recycled;
	complete_next(0x82, frame, 0, 0);
	poll_netdev(netdev, 2);
	CHECK(rx_frames == 1, "empty transfer delivered");
	CHECK(iobufs_allocated == allocated &&
	      fake_ep(0x82)->recycled == recycled + 1 &&
	      fake_ep(0x82)->queued[3] == fake_ep(0x82)->completed,
	      "empty transfer's buffer not recycled: %u allocated, %u "
	      "recycled", iobufs_allocated - allocated,
	      fake_ep(0x82)->recycled - recycled);

	/* A failed receive delivers nothing and is requeued */
	complete_next(0x82, frame, 0, -EIO);
	poll_netdev(netdev, 2);
	CHECK(rx_frames == 1, "failed receive delivered");
	CHECK(fake_ep(0x82)->count == 4, "bulk IN not requeued after error");

	/* Two receives complete in order in one poll */
	complete_next(0x82, frame, 20, 0);
	complete_next(0x82, frame, 42, 0);
	poll_netdev(netdev, 1);
	CHECK(rx_frames == 3 && rx_len == 42, "in-order completions: %u "
	      "frames, last %zu", rx_frames, rx_len);

	/* Transmit: the frame goes out with a ZLP request, and completes
	 * with the same I/O buffer */
	tx = alloc_iob(sizeof(frame));
	memcpy(iob_put(tx, sizeof(frame)), frame, sizeof(frame));
	rc = netdev->op->transmit(netdev, tx);
	CHECK(rc == 0, "transmit: %d", rc);
	CHECK(fake_ep(0x02)->count == 1 && fake_ep(0x02)->last_len ==
	      sizeof(frame) && fake_ep(0x02)->last_terminate == 1,
	      "bulk OUT: %u queued, %zu bytes, terminate %d",
	      fake_ep(0x02)->count, fake_ep(0x02)->last_len,
	      fake_ep(0x02)->last_terminate);
	CHECK(fake_ep(0x02)->count && memcmp(fake_ep(0x02)->queued[0]->data,
					     frame, sizeof(frame)) == 0,
	      "bulk OUT data differs");
	CHECK(tx_done == 0, "transmit completed before the device did");
	complete_next(0x02, NULL, 0, 0);
	poll_netdev(netdev, 2);
	CHECK(tx_done == 1 && tx_last == tx && tx_last_rc == 0,
	      "tx completion: %u, same buffer %d, rc %d", tx_done,
	      tx_last == tx, tx_last_rc);

	/* A transmit in flight at close completes as cancelled */
	tx = alloc_iob(sizeof(frame));
	memcpy(iob_put(tx, sizeof(frame)), frame, sizeof(frame));
	rc = netdev->op->transmit(netdev, tx);
	CHECK(rc == 0, "second transmit: %d", rc);

	/* Close: everything cancelled, data interface back to alternate 0 */
	control_log[0] = '\0';
	netdev->op->close(netdev);
	opened = 0;
	CHECK(tx_done == 2 && tx_last == tx && tx_last_rc != 0,
	      "in-flight transmit at close: %u, rc %d", tx_done, tx_last_rc);
	CHECK(rx_frames == 3, "cancelled receives delivered");
	CHECK(!fake_ep(0x82)->ep->open && !fake_ep(0x81)->ep->open &&
	      !fake_ep(0x02)->ep->open, "endpoints left open");
	CHECK(strstr(control_log, "0b01:0000:0001:0") != NULL,
	      "no SET_INTERFACE 1/0 at close: %s", control_log);

	/* Reopen works after close */
	rc = netdev->op->open(netdev);
	opened = (rc == 0);
	CHECK(rc == 0 && fake_ep(0x82)->count == 4, "reopen: %d, %u queued",
	      rc, fake_ep(0x82)->count);

	/* Remove: closes and frees every I/O buffer */
	DRIVER.remove(func);
	CHECK(iobufs_live == 0, "%d I/O buffers leaked", iobufs_live);
	free(func);

	printf("%s: %u checks, %d failed\n", failures ? "FAIL" : "PASS",
	       checks, failures);
	return failures ? 1 : 0;
}
