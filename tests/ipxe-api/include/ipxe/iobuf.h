/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 *
 * Compile-only iPXE API declarations (see ../../README.md).  Written from
 * the documented API, not copied from iPXE; it proves types, not iPXE
 * behaviour.
 */
#ifndef BN_SHIM_IPXE_IOBUF_H
#define BN_SHIM_IPXE_IOBUF_H

#include <stddef.h>
#include <ipxe/list.h>

struct io_buffer {
	struct list_head list;
	void *head;
	void *data;
	void *tail;
	void *end;
};

extern struct io_buffer *alloc_iob(size_t len);
extern void free_iob(struct io_buffer *iobuf);

/* Reserve space at the tail; returns the old tail */
static inline void *iob_put(struct io_buffer *iobuf, size_t len)
{
	void *old = iobuf->tail;

	iobuf->tail = (char *)iobuf->tail + len;
	return old;
}

/* Drop bytes from the start; returns the new start */
static inline void *iob_pull(struct io_buffer *iobuf, size_t len)
{
	iobuf->data = (char *)iobuf->data + len;
	return iobuf->data;
}

/* Drop bytes from the end */
static inline void iob_unput(struct io_buffer *iobuf, size_t len)
{
	iobuf->tail = (char *)iobuf->tail - len;
}

static inline size_t iob_len(struct io_buffer *iobuf)
{
	return (size_t)((char *)iobuf->tail - (char *)iobuf->data);
}

/* Room between the end of the data and the end of the buffer */
static inline size_t iob_tailroom(struct io_buffer *iobuf)
{
	return (size_t)((char *)iobuf->end - (char *)iobuf->tail);
}

#endif
