/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 *
 * Compile-only iPXE API declarations (see ../../README.md).  Written from
 * the documented API, not copied from iPXE; it proves types, not iPXE
 * behaviour.
 */
#ifndef BN_SHIM_IPXE_LIST_H
#define BN_SHIM_IPXE_LIST_H

#include <stddef.h>

struct list_head {
	struct list_head *next;
	struct list_head *prev;
};

/* An empty list points at itself */
#define INIT_LIST_HEAD(list) do {					\
	(list)->next = (list);						\
	(list)->prev = (list);						\
} while (0)

static inline int list_empty(const struct list_head *list)
{
	return list->next == list;
}

/* Link @p entry in before @p head, i.e. at the end of the list */
static inline void list_add_tail(struct list_head *entry,
				 struct list_head *head)
{
	entry->prev = head->prev;
	entry->next = head;
	head->prev->next = entry;
	head->prev = entry;
}

static inline void list_del(struct list_head *entry)
{
	entry->prev->next = entry->next;
	entry->next->prev = entry->prev;
}

#define list_first_entry(list, type, member)				\
	(list_empty(list) ? NULL : container_of((list)->next, type, member))

#endif
