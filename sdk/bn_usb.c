/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * USB devices, control transfers and endpoints.
 */

#include "bn_usb.h"
#include "bn_err.h"
#include "bn_log.h"
#include "bn_port.h"

/* ------------------------------------------------------------------------
 * Transfer completion (called by backends)
 * ------------------------------------------------------------------------ */

void bn_xfer_done(struct bn_xfer *xfer, int status, uint32_t actual)
{
	struct bn_endpoint *ep = xfer->ep;

	BN_ASSERT(xfer->busy);
	BN_ASSERT(ep->pending > 0);
	if (actual > xfer->len) {
		actual = xfer->len;
		if (status == 0)
			status = -BN_EOVERFLOW;
	}
	xfer->busy = false;
	xfer->status = status;
	xfer->actual = actual;
	ep->pending--;
	/* A stall on ep0 is a protocol stall, cleared by the next setup */
	if (status == -BN_ESTALL && ep->type != BN_XFER_CONTROL)
		ep->halted = true;
	if (xfer->complete)
		xfer->complete(xfer);
}

/* ------------------------------------------------------------------------
 * Devices
 * ------------------------------------------------------------------------ */

int bn_usb_device_init(struct bn_usb_device *dev, struct bn_hcd *hcd,
		       uint8_t address, enum bn_speed speed, const char *name)
{
	struct bn_endpoint_desc ep0 = {
		.address = 0,
		.attributes = BN_XFER_CONTROL,
		.max_packet = (speed == BN_SPEED_LOW) ? 8 : 64,
	};

	bn_port_memset(dev, 0, sizeof(*dev));
	dev->hcd = hcd;
	dev->address = address;
	dev->speed = speed;
	bn_strlcpy(dev->name, name ? name : "usb", sizeof(dev->name));
	return bn_ep_open(&dev->ep0, dev, &ep0);
}

void bn_usb_device_fini(struct bn_usb_device *dev)
{
	bn_ep_close(&dev->ep0);
	bn_port_free(dev->config_buf);
	dev->config_buf = NULL;
}

void bn_usb_poll(struct bn_usb_device *dev)
{
	dev->hcd->ops->poll(dev->hcd);
}

uint64_t bn_usb_clock_us(struct bn_usb_device *dev)
{
	return dev->hcd->ops->clock_us(dev->hcd);
}

/**
 * Read and validate one configuration descriptor set, without keeping it.
 *
 * @param dev		Device
 * @param index		Configuration index
 * @param bufp		Descriptor bytes out (the caller frees them)
 * @param cfg		Validated view of @p bufp out
 * @return		0 or a negative ::bn_err
 */
static int bn_usb_fetch_config(struct bn_usb_device *dev, uint8_t index,
			       uint8_t **bufp, struct bn_config *cfg)
{
	struct bn_desc_error err;
	uint8_t head[BN_CONFIG_DESC_LEN];
	uint8_t *buf;
	uint16_t total;
	int rc;

	rc = bn_usb_get_descriptor(dev, BN_DT_CONFIG, index, 0, head,
				   sizeof(head));
	if (rc < 0)
		return rc;
	if (rc < (int)sizeof(head)) {
		BN_ERR(dev->name, "configuration %u header: %d of 9 bytes",
		       index, rc);
		return -BN_ESHORT;
	}
	total = bn_get_le16(&head[2]);
	if (total < BN_CONFIG_DESC_LEN) {
		BN_ERR(dev->name, "configuration %u: wTotalLength %u",
		       index, total);
		return -BN_EINVAL;
	}
	buf = bn_port_zalloc(total);
	if (!buf)
		return -BN_ENOMEM;
	rc = bn_usb_get_descriptor(dev, BN_DT_CONFIG, index, 0, buf, total);
	if (rc < 0)
		goto err_read;
	rc = bn_config_parse(buf, (size_t)rc, dev->speed, cfg, &err);
	if (rc < 0) {
		BN_ERR(dev->name, "configuration %u rejected at offset %zu: %s",
		       index, err.offset, err.msg);
		goto err_parse;
	}
	*bufp = buf;
	return 0;

 err_parse:
 err_read:
	bn_port_free(buf);
	return rc;
}

/**
 * Make a fetched configuration the device's kept one.
 *
 * @param dev		Device
 * @param buf		Descriptor bytes (ownership passes to @p dev)
 * @param cfg		Validated view of @p buf
 */
static void bn_usb_keep_config(struct bn_usb_device *dev, uint8_t *buf,
			       const struct bn_config *cfg)
{
	bn_port_free(dev->config_buf);
	dev->config_buf = buf;
	dev->config = *cfg;
}

int bn_usb_read_config(struct bn_usb_device *dev, uint8_t index)
{
	struct bn_config cfg;
	uint8_t *buf;
	int rc;

	rc = bn_usb_fetch_config(dev, index, &buf, &cfg);
	if (rc < 0)
		return rc;
	bn_usb_keep_config(dev, buf, &cfg);
	return 0;
}

int bn_usb_read_descriptors(struct bn_usb_device *dev, uint8_t index)
{
	struct bn_desc_error err;
	uint8_t buf[BN_DEVICE_DESC_LEN];
	struct bn_config cfg;
	uint8_t *cbuf;
	int rc;

	rc = bn_usb_get_descriptor(dev, BN_DT_DEVICE, 0, 0, buf, sizeof(buf));
	if (rc < 0)
		return rc;
	rc = bn_device_desc_parse(buf, (size_t)rc, dev->speed, &dev->desc,
				  &err);
	if (rc < 0) {
		BN_ERR(dev->name, "device descriptor rejected at offset %zu: "
		       "%s", err.offset, err.msg);
		return rc;
	}
	dev->ep0.mtu = dev->desc.max_packet0;
	if (index >= dev->desc.num_configs) {
		BN_ERR(dev->name, "configuration index %u but device has %u",
		       index, dev->desc.num_configs);
		return -BN_ENOENT;
	}
	rc = bn_usb_fetch_config(dev, index, &cbuf, &cfg);
	if (rc < 0)
		return rc;
	bn_usb_keep_config(dev, cbuf, &cfg);
	return 0;
}

/* ------------------------------------------------------------------------
 * Control transfers
 * ------------------------------------------------------------------------ */

/**
 * Wait until a transfer is no longer owned by the host controller.
 *
 * @param dev		Device
 * @param xfer		Transfer
 * @param timeout_ms	Timeout
 * @return		true if it completed in time
 */
static bool bn_usb_wait(struct bn_usb_device *dev, struct bn_xfer *xfer,
			uint32_t timeout_ms)
{
	uint64_t start = bn_usb_clock_us(dev);

	while (xfer->busy) {
		bn_usb_poll(dev);
		if (xfer->busy &&
		    bn_usb_clock_us(dev) - start >= (uint64_t)timeout_ms * 1000)
			return false;
	}
	return true;
}

int bn_usb_control(struct bn_usb_device *dev, uint8_t request_type,
		   uint8_t request, uint16_t value, uint16_t index,
		   void *data, uint16_t len, uint32_t timeout_ms)
{
	struct bn_xfer xfer;
	int rc;

	if (!timeout_ms)
		timeout_ms = BN_USB_CONTROL_TIMEOUT_MS;
	bn_port_memset(&xfer, 0, sizeof(xfer));
	xfer.setup.request_type = request_type;
	xfer.setup.request = request;
	xfer.setup.value = value;
	xfer.setup.index = index;
	xfer.setup.length = len;
	xfer.buf = data;
	xfer.len = len;
	rc = bn_ep_submit(&dev->ep0, &xfer);
	if (rc < 0)
		goto err;
	if (!bn_usb_wait(dev, &xfer, timeout_ms)) {
		bn_ep_cancel(&dev->ep0);
		if (!bn_usb_wait(dev, &xfer, BN_USB_CANCEL_TIMEOUT_MS))
			bn_port_assert_fail(__FILE__, __LINE__,
					    "backend lost a cancelled transfer");
		if (xfer.status == -BN_ECANCELED) {
			rc = -BN_ETIMEDOUT;
			goto err;
		}
	}
	rc = xfer.status;
	if (rc < 0)
		goto err;
	return (int)xfer.actual;

 err:
	BN_DBG(dev->name, "control %02x %02x value %04x index %04x len %u: %s",
	       request_type, request, value, index, len, bn_strerror(rc));
	return rc;
}

int bn_usb_control_in(struct bn_usb_device *dev, uint8_t request_type,
		      uint8_t request, uint16_t value, uint16_t index,
		      void *data, uint16_t len)
{
	int rc;

	rc = bn_usb_control(dev, request_type | BN_USB_DIR_IN, request, value,
			    index, data, len, 0);
	if (rc < 0)
		return rc;
	if (rc != len) {
		BN_ERR(dev->name, "control %02x %02x value %04x index %04x: "
		       "%d of %u bytes", request_type | BN_USB_DIR_IN, request,
		       value, index, rc, len);
		return -BN_ESHORT;
	}
	return 0;
}

int bn_usb_get_descriptor(struct bn_usb_device *dev, uint8_t type,
			  uint8_t index, uint16_t lang, void *buf,
			  uint16_t len)
{
	return bn_usb_control(dev, BN_USB_DIR_IN | BN_USB_TYPE_STANDARD |
			      BN_USB_RECIP_DEVICE, BN_USB_REQ_GET_DESCRIPTOR,
			      (uint16_t)((type << 8) | index), lang, buf, len,
			      0);
}

int bn_usb_get_string(struct bn_usb_device *dev, uint8_t index, char *out,
		      size_t size)
{
	uint8_t buf[256];
	uint16_t lang = 0x0409;
	size_t i, n;
	int rc;

	if (size)
		out[0] = '\0';
	if (!index)
		return -BN_EINVAL;
	/* Use the first language the device offers, as every host does */
	rc = bn_usb_get_descriptor(dev, BN_DT_STRING, 0, 0, buf, 4);
	if (rc >= 4 && buf[1] == BN_DT_STRING && buf[0] >= 4)
		lang = bn_get_le16(&buf[2]);
	rc = bn_usb_get_descriptor(dev, BN_DT_STRING, index, lang, buf,
				   sizeof(buf) - 1);
	if (rc < 0)
		return rc;
	/* UTF-16LE code units after a two-byte header: bLength is even */
	if (rc < 2 || buf[1] != BN_DT_STRING || buf[0] > rc || buf[0] < 2 ||
	    (buf[0] & 1)) {
		BN_ERR(dev->name, "string descriptor %u malformed", index);
		return -BN_EINVAL;
	}
	n = (size_t)(buf[0] - 2) / 2;
	for (i = 0; i < n && i + 1 < size; i++) {
		uint16_t c = bn_get_le16(&buf[2 + 2 * i]);

		out[i] = (c >= 0x20 && c < 0x7f) ? (char)c : '?';
	}
	if (size)
		out[i] = '\0';
	return (int)i;
}

int bn_usb_set_configuration(struct bn_usb_device *dev, uint8_t value)
{
	struct bn_config cfg;
	uint8_t *buf = NULL;
	uint8_t i;
	int rc;

	if (!dev->config_buf || dev->config.value != value) {
		/* Search without disturbing the kept configuration */
		for (i = 0; i < dev->desc.num_configs; i++) {
			rc = bn_usb_fetch_config(dev, i, &buf, &cfg);
			if (rc < 0)
				return rc;
			if (cfg.value == value)
				break;
			bn_port_free(buf);
			buf = NULL;
		}
		if (!buf) {
			BN_ERR(dev->name, "no configuration with value %u",
			       value);
			return -BN_ENOENT;
		}
	}
	rc = bn_usb_control(dev, BN_USB_TYPE_STANDARD | BN_USB_RECIP_DEVICE,
			    BN_USB_REQ_SET_CONFIGURATION, value, 0, NULL, 0, 0);
	if (rc < 0) {
		BN_ERR(dev->name, "SET_CONFIGURATION %u: %s", value,
		       bn_strerror(rc));
		goto err_set;
	}
	if (buf)
		bn_usb_keep_config(dev, buf, &cfg);
	dev->configured = true;
	return 0;

 err_set:
	bn_port_free(buf);
	return rc;
}

int bn_usb_set_interface(struct bn_usb_device *dev, uint8_t interface,
			 uint8_t alt)
{
	int rc;

	rc = bn_usb_control(dev, BN_USB_TYPE_STANDARD | BN_USB_RECIP_INTERFACE,
			    BN_USB_REQ_SET_INTERFACE, alt, interface, NULL, 0,
			    0);
	if (rc < 0)
		BN_ERR(dev->name, "SET_INTERFACE %u alt %u: %s", interface,
		       alt, bn_strerror(rc));
	return (rc < 0) ? rc : 0;
}

/* ------------------------------------------------------------------------
 * Endpoints
 * ------------------------------------------------------------------------ */

int bn_ep_open(struct bn_endpoint *ep, struct bn_usb_device *dev,
	       const struct bn_endpoint_desc *desc)
{
	int rc;

	bn_port_memset(ep, 0, sizeof(*ep));
	ep->dev = dev;
	ep->address = desc->address;
	ep->type = desc->attributes & BN_EP_XFER_MASK;
	ep->mtu = desc->max_packet;
	ep->mult = desc->mult;
	ep->interval = desc->interval;
	if (ep->type == BN_XFER_ISO)
		return -BN_ENOTSUP;
	if (!ep->mtu)
		return -BN_EINVAL;
	rc = dev->hcd->ops->open_endpoint(dev->hcd, ep);
	if (rc < 0)
		return rc;
	ep->open = true;
	return 0;
}

void bn_ep_close(struct bn_endpoint *ep)
{
	uint64_t start;

	if (!ep->open)
		return;
	ep->open = false;
	if (ep->pending) {
		ep->dev->hcd->ops->cancel(ep->dev->hcd, ep);
		start = bn_usb_clock_us(ep->dev);
		while (ep->pending) {
			bn_usb_poll(ep->dev);
			if (ep->pending && bn_usb_clock_us(ep->dev) - start >
			    (uint64_t)BN_USB_CANCEL_TIMEOUT_MS * 1000)
				bn_port_assert_fail(__FILE__, __LINE__,
						    "backend lost a cancelled "
						    "transfer");
		}
	}
	ep->dev->hcd->ops->close_endpoint(ep->dev->hcd, ep);
}

int bn_ep_submit(struct bn_endpoint *ep, struct bn_xfer *xfer)
{
	int rc;

	if (!ep->open)
		return -BN_ENODEV;
	if (ep->halted)
		return -BN_ESTALL;
	if (xfer->busy)
		return -BN_EBUSY;
	if (xfer->len && !xfer->buf)
		return -BN_EINVAL;
	xfer->ep = ep;
	xfer->actual = 0;
	xfer->status = 0;
	xfer->busy = true;
	ep->pending++;
	rc = ep->dev->hcd->ops->submit(ep->dev->hcd, xfer);
	if (rc < 0) {
		xfer->busy = false;
		ep->pending--;
	}
	return rc;
}

void bn_ep_cancel(struct bn_endpoint *ep)
{
	if (ep->pending)
		ep->dev->hcd->ops->cancel(ep->dev->hcd, ep);
}

int bn_ep_clear_halt(struct bn_endpoint *ep)
{
	int rc;

	rc = bn_usb_control(ep->dev, BN_USB_TYPE_STANDARD |
			    BN_USB_RECIP_ENDPOINT, BN_USB_REQ_CLEAR_FEATURE,
			    BN_USB_FEATURE_ENDPOINT_HALT, ep->address, NULL, 0,
			    0);
	if (rc < 0) {
		BN_ERR(ep->dev->name, "clear halt on endpoint 0x%02x: %s",
		       ep->address, bn_strerror(rc));
		return rc;
	}
	ep->dev->hcd->ops->reset_endpoint(ep->dev->hcd, ep);
	ep->halted = false;
	return 0;
}

int bn_ep_halt(struct bn_endpoint *ep)
{
	int rc;

	rc = bn_usb_control(ep->dev, BN_USB_TYPE_STANDARD |
			    BN_USB_RECIP_ENDPOINT, BN_USB_REQ_SET_FEATURE,
			    BN_USB_FEATURE_ENDPOINT_HALT, ep->address, NULL, 0,
			    0);
	if (rc < 0)
		return rc;
	ep->halted = true;
	return 0;
}
