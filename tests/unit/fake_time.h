/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_FAKE_TIME_H
#define BN_FAKE_TIME_H

/*
 * A test clock for the host port: time stands still except when the code
 * under test delays (bn_port_udelay advances it) or the test moves it.
 */

#include <stdint.h>

/* The fake clock, in microseconds; tests may read and move it. */
extern uint64_t bn_fake_now_us;

/* Install the fake clock, starting at start_us. */
void bn_fake_time_install(uint64_t start_us);

/* Restore real time. */
void bn_fake_time_remove(void);

#endif /* BN_FAKE_TIME_H */
