/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * `bootnic serve` as a program: its options, and one real connection on a
 * Unix socket from a child process that plays QEMU with libusbredirparser
 * (no usbredirparser_fl_usb_host): hello, device_connect, a GET_DESCRIPTOR
 * answered with the model's device descriptor, then the "VM" goes away and
 * serve must exit 0 saying so.
 */

#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#include <usbredirparser.h>

#include "sim/models/registry.h"
#include "tests/unit/bn_test.h"
#include "tools/bootnic/cli.h"

static char *out_text, *err_text;

/* Run bn_cli_main on a NULL-terminated argument list. */
static int run(const char *first, ...)
{
	char *argv[24];
	int argc = 0, rc;
	size_t out_len, err_len;
	FILE *out, *err;
	va_list ap;

	free(out_text);
	free(err_text);
	argv[argc++] = "bootnic";
	argv[argc++] = (char *)first;
	va_start(ap, first);
	while (argc < 23 && (argv[argc] = va_arg(ap, char *)) != NULL)
		argc++;
	va_end(ap);
	argv[argc] = NULL;
	out = open_memstream(&out_text, &out_len);
	err = open_memstream(&err_text, &err_len);
	ck_assert_ptr_nonnull(out);
	ck_assert_ptr_nonnull(err);
	rc = bn_cli_main(argc, argv, out, err, NULL);
	fclose(out);
	fclose(err);
	return rc;
}

START_TEST(test_serve_usage)
{
	ck_assert_int_eq(run("serve", "--help", NULL), BN_EXIT_OK);
	ck_assert_ptr_nonnull(strstr(out_text, "usb-redir,chardev=r"));
	ck_assert_int_eq(run("serve", "--model", "cdc-ecm", NULL),
			 BN_EXIT_USAGE);
	ck_assert_ptr_nonnull(strstr(err_text, "--unix PATH"));
	ck_assert_int_eq(run("serve", "--unix", "/tmp/x", NULL), BN_EXIT_USAGE);
	ck_assert_ptr_nonnull(strstr(err_text, "--model NAME is required"));
	ck_assert_int_eq(run("serve", "--model", "nosuch", "--unix", "/tmp/x",
			     NULL), BN_EXIT_USAGE);
	ck_assert_ptr_nonnull(strstr(err_text, "unknown model 'nosuch'"));
	ck_assert_int_eq(run("serve", "--model", "cdc-ecm", "--unix", "/tmp/x",
			     "--fault", "explode", NULL), BN_EXIT_USAGE);
	ck_assert_ptr_nonnull(strstr(err_text, "--fault takes"));
	ck_assert_int_eq(run("serve", "--model", "cdc-ecm", "--unix", "/tmp/x",
			     "--replug-after", "2", NULL), BN_EXIT_USAGE);
	ck_assert_ptr_nonnull(strstr(err_text, "needs something that "
				     "unplugs"));
	ck_assert_int_eq(run("serve", "--model", "cdc-ecm", "--unix", "/tmp/x",
			     "--unplug-after", "3h", NULL), BN_EXIT_USAGE);
	ck_assert_int_eq(run("serve", "--model", "ax88772a", "--speed", "full",
			     "--unix", "/tmp/x", NULL), BN_EXIT_USAGE);
	ck_assert_int_eq(run("serve", "--model", "cdc-ecm", "--unix", "/tmp/x",
			     "--tftp-root", "/nonexistent/dir", NULL),
			 BN_EXIT_USAGE);
	ck_assert_ptr_nonnull(strstr(err_text, "is not a directory"));
}
END_TEST

START_TEST(test_serve_accept_timeout)
{
	char path[64];

	snprintf(path, sizeof(path), "/tmp/test_serve_%d.sock", (int)getpid());
	ck_assert_int_eq(run("serve", "--model", "cdc-ecm", "--unix", path,
			     "--accept-timeout", "1", NULL), BN_EXIT_CHECK);
	ck_assert_ptr_nonnull(strstr(err_text, "no QEMU connected within 1 s"));
	ck_assert_int_ne(access(path, F_OK), 0);	/* socket removed */
}
END_TEST

/* ---- The child: QEMU's side on a real socket ---- */

static int c_fd;
static bool c_connected;
static uint16_t c_vendor, c_product;
static uint8_t c_desc[64];
static int c_desc_len = -1;

static int c_read(void *priv, uint8_t *data, int count)
{
	ssize_t n = recv(c_fd, data, (size_t)count, MSG_DONTWAIT);

	(void)priv;
	if (n < 0)
		return 0;
	return n == 0 ? -1 : (int)n;
}

static int c_write(void *priv, uint8_t *data, int count)
{
	ssize_t n = send(c_fd, data, (size_t)count, MSG_NOSIGNAL);

	(void)priv;
	return n < 0 ? -1 : (int)n;
}

static void c_log(void *priv, int level, const char *msg)
{
	(void)priv;
	(void)level;
	(void)msg;
}

static void c_hello(void *priv, struct usb_redir_hello_header *h)
{
	(void)priv;
	(void)h;
}

static void c_ep_info(void *priv, struct usb_redir_ep_info_header *h)
{
	(void)priv;
	(void)h;
}

static void c_if_info(void *priv, struct usb_redir_interface_info_header *h)
{
	(void)priv;
	(void)h;
}

static void c_connect(void *priv, struct usb_redir_device_connect_header *h)
{
	(void)priv;
	c_connected = true;
	c_vendor = h->vendor_id;
	c_product = h->product_id;
}

static void c_control(void *priv, uint64_t id,
		      struct usb_redir_control_packet_header *h,
		      uint8_t *data, int len)
{
	struct usbredirparser *p = priv;

	(void)id;
	if (h->status == usb_redir_success && len > 0 &&
	    len <= (int)sizeof(c_desc)) {
		memcpy(c_desc, data, (size_t)len);
		c_desc_len = len;
	}
	usbredirparser_free_packet_data(p, data);
}

/* Play QEMU for a moment; exit 0 if the device answered as it should. */
static void child(const char *path)
{
	const struct bn_model *m = bn_model_find("cdc-ecm");
	struct usb_redir_control_packet_header h = {
		.endpoint = 0x80, .request = 6, .requesttype = 0x80,
		.value = 0x0100, .length = 64 };
	uint32_t caps[USB_REDIR_CAPS_SIZE] = { 0 };
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	struct usbredirparser *p;
	struct pollfd pfd;
	bool asked = false;
	int i;

	strcpy(sun.sun_path, path);
	c_fd = socket(AF_UNIX, SOCK_STREAM, 0);
	for (i = 0; i < 100; i++) {
		if (connect(c_fd, (struct sockaddr *)&sun, sizeof(sun)) == 0)
			break;
		usleep(50000);
	}
	if (i == 100)
		_exit(2);
	p = usbredirparser_create();
	p->priv = p;
	p->log_func = c_log;
	p->read_func = c_read;
	p->write_func = c_write;
	p->device_connect_func = c_connect;
	p->hello_func = c_hello;
	p->ep_info_func = c_ep_info;
	p->interface_info_func = c_if_info;
	p->control_packet_func = c_control;
	usbredirparser_caps_set_cap(caps, usb_redir_cap_connect_device_version);
	usbredirparser_caps_set_cap(caps,
				    usb_redir_cap_ep_info_max_packet_size);
	usbredirparser_caps_set_cap(caps, usb_redir_cap_64bits_ids);
	usbredirparser_caps_set_cap(caps, usb_redir_cap_32bits_bulk_length);
	usbredirparser_init(p, "test qemu", caps, USB_REDIR_CAPS_SIZE, 0);
	for (i = 0; i < 200 && c_desc_len < 0; i++) {
		while (usbredirparser_has_data_to_write(p))
			if (usbredirparser_do_write(p) < 0)
				_exit(3);
		pfd.fd = c_fd;
		pfd.events = POLLIN;
		if (poll(&pfd, 1, 50) > 0 && usbredirparser_do_read(p) ==
		    usbredirparser_read_io_error)
			_exit(4);
		if (c_connected && !asked) {
			usbredirparser_send_control_packet(p, 9, &h, NULL, 0);
			asked = true;
		}
	}
	usbredirparser_destroy(p);
	close(c_fd);
	_exit(c_connected && c_vendor == m->vendor &&
	      c_product == m->product && c_desc_len == 18 &&
	      c_desc[1] == 1 && c_desc[8] == (m->vendor & 0xff) ? 0 : 5);
}

START_TEST(test_serve_one_connection)
{
	char path[64];
	int status;
	pid_t pid;

	snprintf(path, sizeof(path), "/tmp/test_serve_%d.sock", (int)getpid());
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0)
		child(path);
	ck_assert_int_eq(run("serve", "--model", "cdc-ecm", "--unix", path,
			     "--accept-timeout", "10", "--max-time", "20",
			     NULL), BN_EXIT_OK);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_msg(WIFEXITED(status), "child died of signal %d",
		      WIFSIGNALED(status) ? WTERMSIG(status) : -1);
	ck_assert_int_eq(WEXITSTATUS(status), 0);
	ck_assert_ptr_nonnull(strstr(err_text, "QEMU connected"));
	ck_assert_ptr_nonnull(strstr(err_text, "plugged in: cdc-ecm"));
	ck_assert_ptr_nonnull(strstr(err_text, "QEMU closed the connection"));
	ck_assert_ptr_nonnull(strstr(out_text, "serve: QEMU went away; 1 "
				     "control"));
	ck_assert_ptr_nonnull(strstr(out_text, "1 plugs"));
}
END_TEST

static Suite *serve_suite(void)
{
	Suite *s = suite_create("serve");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_serve_usage);
	tcase_add_test(tc, test_serve_accept_timeout);
	tcase_add_test(tc, test_serve_one_connection);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(serve_suite)
