/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * `bootnic serve`'s transport: one QEMU connection on a Unix socket or a
 * TCP port, the engine on the wall clock.
 */

#include <errno.h>
#include <netdb.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "sim/redir/serve.h"

/** Poll period while connected (the model's and the network's clock
 *  advance at least this often), ms. */
#define BN_SERVE_TICK_MS	1
/** Bytes read from the socket at once. */
#define BN_SERVE_READ_MAX	65536

/** Set by SIGINT or SIGTERM. */
static volatile sig_atomic_t bn_serve_stop;

/**
 * Signal handler: ask the loop to stop.
 *
 * @param sig		Signal
 */
static void bn_serve_on_signal(int sig)
{
	(void)sig;
	bn_serve_stop = 1;
}

/**
 * Wall clock in microseconds (monotonic).
 *
 * @return		Microseconds
 */
static uint64_t bn_serve_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000ULL + (uint64_t)ts.tv_nsec / 1000;
}

/**
 * Engine log: one line to the log stream.
 *
 * @param ctx		FILE *
 * @param line		Text
 */
static void bn_serve_log(void *ctx, const char *line)
{
	FILE *f = ctx;

	fprintf(f, "serve: %s\n", line);
	fflush(f);
}

/**
 * Engine output: write to the socket (blocking, bounded by SO_SNDTIMEO).
 *
 * @param ctx		Socket (int *)
 * @param data		Bytes
 * @param len		Count
 * @return		Bytes written, or -1
 */
static int bn_serve_write(void *ctx, const uint8_t *data, size_t len)
{
	int fd = *(int *)ctx;
	ssize_t n;

	do {
		n = send(fd, data, len, MSG_NOSIGNAL);
	} while (n < 0 && errno == EINTR);
	return n < 0 ? -1 : (int)n;
}

/**
 * Open the listening socket.
 *
 * @param so		Options
 * @param where		Description out
 * @param wlen		Size of @p where
 * @return		Socket, or -1 (logged)
 */
static int bn_serve_listen(const struct bn_serve_opts *so, char *where,
			   size_t wlen)
{
	struct addrinfo hints, *ai = NULL, *a;
	struct sockaddr_un sun;
	char host[256], *colon;
	const char *port;
	struct stat st;
	int fd = -1, on = 1, rc;

	if (so->unix_path) {
		if (strlen(so->unix_path) >= sizeof(sun.sun_path)) {
			fprintf(so->log, "serve: socket path '%s' is too "
				"long\n", so->unix_path);
			return -1;
		}
		/* Replace a stale socket, never another kind of file. */
		if (lstat(so->unix_path, &st) == 0) {
			if (!S_ISSOCK(st.st_mode)) {
				fprintf(so->log, "serve: '%s' exists and is "
					"not a socket\n", so->unix_path);
				return -1;
			}
			unlink(so->unix_path);
		}
		memset(&sun, 0, sizeof(sun));
		sun.sun_family = AF_UNIX;
		memcpy(sun.sun_path, so->unix_path, strlen(so->unix_path));
		fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (fd < 0 || bind(fd, (struct sockaddr *)&sun,
				   sizeof(sun)) < 0 || listen(fd, 1) < 0) {
			fprintf(so->log, "serve: cannot listen on %s: %s\n",
				so->unix_path, strerror(errno));
			if (fd >= 0)
				close(fd);
			return -1;
		}
		snprintf(where, wlen, "unix:%s", so->unix_path);
		return fd;
	}
	snprintf(host, sizeof(host), "%s", so->tcp);
	colon = strrchr(host, ':');
	if (colon) {
		*colon = 0;
		port = colon + 1;
	} else {
		port = host;
	}
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	rc = getaddrinfo(colon && host[0] ? host : NULL, port, &hints, &ai);
	if (rc) {
		fprintf(so->log, "serve: cannot resolve '%s': %s\n", so->tcp,
			gai_strerror(rc));
		return -1;
	}
	for (a = ai; a; a = a->ai_next) {
		fd = socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC,
			    a->ai_protocol);
		if (fd < 0)
			continue;
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
		if (bind(fd, a->ai_addr, a->ai_addrlen) == 0 &&
		    listen(fd, 1) == 0)
			break;
		close(fd);
		fd = -1;
	}
	freeaddrinfo(ai);
	if (fd < 0) {
		fprintf(so->log, "serve: cannot listen on tcp:%s: %s\n",
			so->tcp, strerror(errno));
		return -1;
	}
	snprintf(where, wlen, "tcp:%s", so->tcp);
	return fd;
}

/**
 * Wait for one connection.
 *
 * @param so		Options
 * @param lfd		Listening socket
 * @return		Connected socket, or -1 (logged)
 */
static int bn_serve_accept(const struct bn_serve_opts *so, int lfd)
{
	unsigned int limit = so->accept_s ? so->accept_s : BN_SERVE_ACCEPT_S;
	struct pollfd pfd = { .fd = lfd, .events = POLLIN };
	struct timeval tv = { .tv_sec = BN_SERVE_WRITE_TIMEOUT_S };
	uint64_t end = bn_serve_us() + 1000000ULL * limit;
	int fd, rc;

	for (;;) {
		if (bn_serve_stop)
			return -1;
		if (bn_serve_us() >= end) {
			fprintf(so->log, "serve: no QEMU connected within "
				"%u s\n", limit);
			return -1;
		}
		rc = poll(&pfd, 1, 100);
		if (rc < 0 && errno != EINTR) {
			fprintf(so->log, "serve: poll: %s\n", strerror(errno));
			return -1;
		}
		if (rc > 0)
			break;
	}
	fd = accept(lfd, NULL, NULL);
	if (fd < 0) {
		fprintf(so->log, "serve: accept: %s\n", strerror(errno));
		return -1;
	}
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	return fd;
}

/**
 * Run the engine on a connection until it ends.
 *
 * @param so		Options
 * @param r		Engine
 * @param fd		Connection
 * @return		How it ended
 */
static enum bn_serve_end bn_serve_loop(const struct bn_serve_opts *so,
				       struct bn_redir *r, int fd)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	uint64_t t0 = bn_serve_us(), now;
	uint8_t *buf = malloc(BN_SERVE_READ_MAX);
	enum bn_serve_end end = BN_SERVE_FAILED;
	ssize_t n;
	int rc;

	if (!buf) {
		fprintf(so->log, "serve: out of memory\n");
		return BN_SERVE_FAILED;
	}
	for (;;) {
		if (bn_serve_stop) {
			fprintf(so->log, "serve: stopped by a signal\n");
			end = BN_SERVE_SIGNAL;
			break;
		}
		now = bn_serve_us() - t0;
		if (so->max_s && now >= 1000000ULL * so->max_s) {
			fprintf(so->log, "serve: --max-time %u s reached\n",
				so->max_s);
			end = BN_SERVE_TIME;
			break;
		}
		rc = poll(&pfd, 1, BN_SERVE_TICK_MS);
		if (rc < 0 && errno != EINTR) {
			fprintf(so->log, "serve: poll: %s\n", strerror(errno));
			break;
		}
		now = bn_serve_us() - t0;
		if (rc > 0) {
			n = recv(fd, buf, BN_SERVE_READ_MAX, 0);
			if (n == 0 || (n < 0 && errno != EINTR &&
				       errno != EAGAIN)) {
				fprintf(so->log, "serve: QEMU closed the "
					"connection%s%s\n", n ? ": " : "",
					n ? strerror(errno) : "");
				end = BN_SERVE_EOF;
				break;
			}
			if (n > 0 && bn_redir_feed(r, buf, (size_t)n,
						   bn_sim_us(now)) < 0) {
				fprintf(so->log, "serve: closing: QEMU "
					"stopped taking data (a write failed "
					"or timed out after %d s) or sent "
					"what cannot be followed\n",
					BN_SERVE_WRITE_TIMEOUT_S);
				end = BN_SERVE_EOF;
				break;
			}
		}
		if (bn_redir_poll(r, bn_sim_us(now)) < 0) {
			fprintf(so->log, "serve: QEMU stopped taking data "
				"(write failed or timed out after %d s)\n",
				BN_SERVE_WRITE_TIMEOUT_S);
			end = BN_SERVE_EOF;
			break;
		}
	}
	free(buf);
	return end;
}

enum bn_serve_end bn_serve_run(const struct bn_serve_opts *so,
			       const struct bn_redir_config *cfg,
			       struct bn_redir_stats *st)
{
	struct bn_redir_config c = *cfg;
	struct sigaction sa, old_int, old_term, old_pipe;
	enum bn_serve_end end = BN_SERVE_FAILED;
	struct bn_redir *r = NULL;
	char where[300], err[240];
	int lfd, fd = -1;

	bn_serve_stop = 0;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = bn_serve_on_signal;
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, &old_pipe);
	lfd = bn_serve_listen(so, where, sizeof(where));
	if (lfd < 0)
		goto out;
	fprintf(so->log, "serve: %s model on %s, waiting for QEMU\n",
		cfg->model->name, where);
	fflush(so->log);
	fd = bn_serve_accept(so, lfd);
	close(lfd);
	if (so->unix_path)
		unlink(so->unix_path);
	if (fd < 0)
		goto out;
	fprintf(so->log, "serve: QEMU connected\n");
	c.write = bn_serve_write;
	c.write_ctx = &fd;
	c.log = bn_serve_log;
	c.log_ctx = so->log;
	r = bn_redir_new(&c, err, sizeof(err));
	if (!r) {
		fprintf(so->log, "serve: %s\n", err);
		goto out;
	}
	end = bn_serve_loop(so, r, fd);
	if (st)
		bn_redir_get_stats(r, st);
	if (bn_redir_free(r, err, sizeof(err)) < 0) {
		fprintf(so->log, "serve: %s\n", err);
		end = BN_SERVE_FAILED;
	}
 out:
	if (fd >= 0)
		close(fd);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGPIPE, &old_pipe, NULL);
	return end;
}
