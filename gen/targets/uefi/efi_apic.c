/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * UEFI glue: acknowledging a timer interrupt the firmware still holds.
 *
 * OVMF before edk2-stable202302 (Debian 12 ships 2022.11) signals the
 * local APIC's end-of-interrupt for its timer only after it has run every
 * event notification the tick made due (edk2 commit 9bf473da4c, "Send EOI
 * before RestoreTPL() in timer interrupt handlers", fixed that).  Until
 * then no further tick arrives, so a timer event can never fire inside
 * such a notification.  The network stack polls SNP from timer
 * notifications, and the xHCI driver times bulk transfers with a timer
 * event: a bulk-IN poll that finds nothing then waits for ever.
 *
 * Before such a poll the glue therefore checks whether the highest
 * interrupt in service is the local APIC timer's and, if so, signals its
 * end-of-interrupt itself, which is what the fixed firmware does at that
 * point.  The firmware's own end-of-interrupt later finds nothing in
 * service (or acknowledges a later tick that already ran its course).
 * x86 local APIC, in xAPIC (MMIO) or x2APIC (MSR) mode.
 */

#include "efi_glue.h"

/** IA32_APIC_BASE MSR. */
#define BN_APIC_BASE_MSR	0x1b
/** IA32_APIC_BASE: x2APIC mode enabled. */
#define BN_APIC_BASE_EXTD	0x400
/** IA32_APIC_BASE: APIC globally enabled. */
#define BN_APIC_BASE_EN		0x800
/** IA32_APIC_BASE: physical base address bits. */
#define BN_APIC_BASE_MASK	0xfffff000ULL
/** xAPIC register: end of interrupt. */
#define BN_XAPIC_EOI		0xb0
/** xAPIC register: first in-service register (eight, 16 bytes apart). */
#define BN_XAPIC_ISR		0x100
/** xAPIC register: LVT timer. */
#define BN_XAPIC_LVT_TIMER	0x320
/** x2APIC MSR of xAPIC register @p off. */
#define BN_X2APIC_MSR(off)	(0x800 + ((off) >> 4))
/** LVT: vector bits. */
#define BN_APIC_LVT_VECTOR	0xff
/** LVT: masked. */
#define BN_APIC_LVT_MASKED	0x10000

/**
 * Read a model-specific register.
 *
 * @param msr		Register
 * @return		Value
 */
static uint64_t bn_efi_rdmsr(uint32_t msr)
{
	uint32_t lo, hi;

	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((uint64_t)hi << 32) | lo;
}

/**
 * Write a model-specific register.
 *
 * @param msr		Register
 * @param value		Value
 */
static void bn_efi_wrmsr(uint32_t msr, uint64_t value)
{
	__asm__ volatile("wrmsr" : : "c"(msr), "a"((uint32_t)value),
			 "d"((uint32_t)(value >> 32)));
}

/**
 * Read a local APIC register.
 *
 * @param base		IA32_APIC_BASE value
 * @param off		xAPIC register offset
 * @return		Value
 */
static uint32_t bn_efi_apic_read(uint64_t base, uint32_t off)
{
	if (base & BN_APIC_BASE_EXTD)
		return (uint32_t)bn_efi_rdmsr(BN_X2APIC_MSR(off));
	return *(volatile uint32_t *)(uintptr_t)((base & BN_APIC_BASE_MASK) +
						 off);
}

/**
 * Write a local APIC register.
 *
 * @param base		IA32_APIC_BASE value
 * @param off		xAPIC register offset
 * @param value		Value
 */
static void bn_efi_apic_write(uint64_t base, uint32_t off, uint32_t value)
{
	if (base & BN_APIC_BASE_EXTD)
		bn_efi_wrmsr(BN_X2APIC_MSR(off), value);
	else
		*(volatile uint32_t *)(uintptr_t)((base & BN_APIC_BASE_MASK) +
						  off) = value;
}

void bn_efi_apic_ack_timer(void)
{
	uint64_t base = bn_efi_rdmsr(BN_APIC_BASE_MSR);
	uint32_t lvt, isr;
	int i, vector = -1;

	if (!(base & BN_APIC_BASE_EN))
		return;
	lvt = bn_efi_apic_read(base, BN_XAPIC_LVT_TIMER);
	if (lvt & BN_APIC_LVT_MASKED)
		return;
	/* The highest vector in service is the one an EOI acknowledges */
	for (i = 7; i >= 0 && vector < 0; i--) {
		isr = bn_efi_apic_read(base, BN_XAPIC_ISR + 0x10 * (uint32_t)i);
		if (isr)
			vector = i * 32 + 31 - __builtin_clz(isr);
	}
	if (vector >= 0 && (uint32_t)vector == (lvt & BN_APIC_LVT_VECTOR))
		bn_efi_apic_write(base, BN_XAPIC_EOI, 0);
}
