/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Fuzz trace replay: the input is a trace file (any format the readers
 * take).  The replayer learns a device from it and the built-in drivers
 * are run against that device on the simulated bus for a short simulated
 * time.  Hostile descriptors, replies and payloads must end in a report,
 * never in a crash, a hang or an out-of-bounds access.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "bn_log.h"
#include "sim/replay/replay.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[] = "/tmp/bn-fuzz-replay-XXXXXX";
	struct bn_replay_opts opts = { .profile = BN_SIM_XHCI, .bus = -1,
				       .dev = -1, .run_ms = 20 };
	struct bn_replay_report rep;
	struct bn_replay_model *m;
	char err[256];
	int fd = mkstemp(path);

	if (fd < 0)
		return 0;
	if (write(fd, data, size) != (ssize_t)size) {
		close(fd);
		unlink(path);
		return 0;
	}
	close(fd);
	bn_log_set_level(BN_LOG_ERR - 1);
	m = bn_replay_learn(path, -1, -1, err, sizeof(err));
	if (m) {
		bn_replay_run(m, &opts, &bn_registry_builtin, &rep);
		opts.driver = "rndis";
		bn_replay_run(m, &opts, &bn_registry_builtin, &rep);
		bn_replay_model_free(m);
	}
	unlink(path);
	return 0;
}
