/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_REPLAY_H
#define BN_REPLAY_H

/**
 * @file
 * Trace replay: a simulated device learnt from a usbmon trace, and the run
 * that puts an SDK driver in front of it.
 *
 * Replay is semantic, not byte-for-byte: our driver never issues exactly
 * the recorded driver's sequence.  The replayer learns the device from the
 * trace — descriptors, the answer to every control read (in recorded order
 * when a request repeats, as PHY polling does), the bulk-IN and interrupt
 * payloads in order — and checks the driver against it:
 *
 * - a read the trace can answer is answered with the reply that shows the
 *   device where the run is (polls walk forward, a late read gets the
 *   latest value, a data window's read only its target's replies); one
 *   it cannot is a divergence, answered (and named as assumed) where the
 *   family declares the answer (::bn_read_answer), else STALLed;
 * - a write that the trace shows with the same data is verified; one whose
 *   request the trace shows with other data is a divergence; one the trace
 *   never shows is reported as unverified;
 * - messages sent through CDC encapsulated commands (RNDIS) are matched by
 *   message type and OID with the request id masked, and the responses
 *   recorded after the matching command are returned with the driver's
 *   request id.
 *
 * The report says whether the driver enumerated, probed, read the MAC the
 * trace shows, reached link-up and decoded the recorded receive frames.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdbool.h>
#include "bn_family.h"
#include "sim/bus/bus.h"

struct bn_replay_model;
struct bn_descfile;

/** Sessions (configurations set in turn) kept per device. */
#define BN_REPLAY_MAX_SESSIONS	8

/**
 * One session of a device in a trace: what happened between one
 * SET_CONFIGURATION and the next (a driver bound, then another after
 * `echo N > bConfigurationValue`, say).
 */
struct bn_replay_session {
	uint8_t config_value;		/**< Configuration set (0: unconfigured) */
	uint64_t start_ns;		/**< Time of its SET_CONFIGURATION,
					     from the device's first event */
	uint64_t ctrl;			/**< Control transfers in it */
	uint64_t payloads;		/**< Bulk and interrupt IN payloads */
};

/** Size of the report's note on descriptor completion. */
#define BN_REPLAY_NOTE_MAX	2048

/** Most findings (divergences, unverified writes) kept in a report. */
#define BN_REPLAY_MAX_FINDINGS	24

/** Data bytes kept per finding (an RNDIS SET of a 32-bit OID fits). */
#define BN_REPLAY_FINDING_DATA	48

/** Size of a finding's explanation (::bn_replay_finding::what). */
#define BN_REPLAY_WHAT_MAX	320

/** Simulated time a replay runs after open when nothing else stops it, ms. */
#define BN_REPLAY_DEFAULT_RUN_MS	3000
/** Score taken off when the driver replaced a forced family (its
 *  cross-check found other hardware). */
#define BN_REPLAY_OVERRIDE_PENALTY	50

/** What kind of finding. */
enum bn_replay_kind {
	BN_REPLAY_UNANSWERED = 0,	/**< A read the trace cannot answer */
	BN_REPLAY_WRITE_DIFFERS,	/**< A write with other data than recorded */
	BN_REPLAY_UNVERIFIED,		/**< A write the trace never shows */
	BN_REPLAY_MESSAGE_DIFFERS,	/**< An encapsulated SET matched by type and
					     OID whose value differs (not a
					     divergence by the exact rule) */
	BN_REPLAY_ASSUMED,		/**< A read the trace cannot answer, answered
					     from the family's declaration
					     (::bn_read_answer) */
};

/**
 * What a finding means for the verdict, from the family's register data
 * (bn_family.h, ::bn_verdict_data).
 */
enum bn_replay_class {
	BN_RC_UNCLASSIFIED = 0,	/**< Not classified (the run stopped) */
	BN_RC_POLICY,		/**< Value differs only in policy fields:
				     compatible */
	BN_RC_EXPECTED,		/**< A declared deliberate difference: shown,
				     not counted */
	BN_RC_INCOMPATIBLE,	/**< Value differs in a field that is not
				     policy (or in undeclared bits) */
	BN_RC_NOT_SEEN,		/**< The trace never shows that write: a risk
				     on a real chip */
	BN_RC_UNANSWERED,	/**< A read the trace cannot answer */
	BN_RC_ASSUMED,		/**< A read the trace cannot answer, answered
				     from the family's declaration: shown, not
				     incompatible, never a match (not proof) */
	BN_RC_COUNT		/**< Number of classes (not a class) */
};

/** The verdict of a replay. */
enum bn_replay_verdict {
	BN_VERDICT_INCOMPATIBLE = 0,	/**< Anything else (and a run that
					     stopped before it was judged) */
	BN_VERDICT_COMPATIBLE,		/**< Only policy and expected differences
					     (and writes the trace never shows,
					     and reads answered by declaration) */
	BN_VERDICT_MATCH,		/**< Every request both make agrees */
};

/** One finding, with where in the trace it belongs. */
struct bn_replay_finding {
	int kind;			/**< ::bn_replay_kind */
	uint8_t setup[8];		/**< The driver's request */
	uint8_t data[BN_REPLAY_FINDING_DATA]; /**< First bytes of its data stage */
	uint16_t data_len;		/**< Its full data length */
	long cursor;			/**< Recorded request matched last, or -1 */
	long expected;			/**< Recorded request with the same setup
					     (WRITE_DIFFERS), or -1 */
	uint64_t t_us;			/**< Simulated time of the request */
	int cls;			/**< ::bn_replay_class */
	long req;			/**< The driver's request in the run's
					     request log (0-based), or -1 */
	long compared;			/**< Recorded write the value was compared
					     with (classified), or -1 */
	const struct bn_read_answer *answer; /**< The declaration that answered
					     (::BN_REPLAY_ASSUMED), or NULL */
	uint64_t answered;		/**< The value it answered */
	char what[BN_REPLAY_WHAT_MAX];	/**< Register and fields that differ, or
					     the request named, for people */
};

/** Phases of a replay run, in the order they happen. */
enum bn_replay_phase {
	BN_REPLAY_PHASE_ENUM = 0,	/**< Reset, address, descriptors, choice of
					     configuration */
	BN_REPLAY_PHASE_PROBE,		/**< From SET_CONFIGURATION to the driver
					     bound */
	BN_REPLAY_PHASE_OPEN,		/**< The driver's open */
	BN_REPLAY_PHASE_TRAFFIC,	/**< Opened: recorded traffic delivered */
	BN_REPLAY_PHASE_CLOSE,		/**< Close and remove (not checked) */
	BN_REPLAY_PHASE_COUNT		/**< Number of phases (not a phase) */
};

/** Replay options. */
struct bn_replay_opts {
	const char *driver;		/**< Force this driver, or NULL */
	const char *family;		/**< Force this family, or NULL */
	enum bn_sim_profile profile;	/**< Host controller personality */
	bool timed;			/**< Payloads not before their recorded time */
	uint32_t run_ms;		/**< Simulated run after open (0: default) */
	int bus;			/**< Device's bus in the trace, -1: pick */
	int dev;			/**< Device's address, -1: pick */
	const char *pcap_out;		/**< Write the simulated session here
					     (pcap, link type 220), or NULL */
	const char *timeline;		/**< Write an SVG timeline here, or NULL */
	unsigned int session;		/**< Session to replay (1-based; 0: the
					     one with the most payloads) */
	bool strict;			/**< Report the verdict by the exact rule
					     (every divergence counts) */
};

/** What a replay found. */
struct bn_replay_report {
	char device[64];		/**< "bus 1 device 2, 0525:a4a2" */
	bool enumerated;		/**< Descriptors read, configuration set */
	bool probed;			/**< A driver bound */
	bool opened;			/**< Open succeeded */
	char driver[32];		/**< Driver bound */
	char family[32];		/**< Family in use */
	bool family_overridden;		/**< A forced family was replaced by the
					     driver's own identification */
	uint8_t config_value;		/**< Configuration chosen */
	uint8_t mac[6];			/**< Permanent MAC the driver read */
	bool mac_in_trace;		/**< The trace's replies contain it */
	bool link_up;			/**< Link reached up */
	uint16_t speed;			/**< Link speed */
	uint64_t rx_frames;		/**< Frames the driver delivered */
	uint64_t rx_dhcp;		/**< Of them, DHCP messages */
	uint64_t rx_errors;		/**< Framing and receive errors counted */
	uint64_t in_recorded;		/**< Recorded bulk/interrupt IN payloads */
	uint64_t in_consumed;		/**< Of them, delivered to the driver */
	uint64_t ctrl_recorded;		/**< Recorded control transfers */
	uint64_t ctrl_matched;		/**< Driver requests answered from them */
	uint64_t writes_verified;	/**< Driver writes the trace shows */
	uint64_t sim_us;		/**< Simulated time used */
	unsigned int phases;		/**< Phases the run reached (the first
					     @c phases of ::bn_replay_phase) */
	uint64_t phase_us[BN_REPLAY_PHASE_COUNT]; /**< Simulated time each
					     reached phase began, us */
	unsigned int nfindings;		/**< Findings kept */
	uint64_t divergences;		/**< Divergences (all, kept or not) */
	uint64_t unverified;		/**< Unverified writes (all) */
	uint64_t truncated;		/**< Recorded payloads the trace cut short
					     (replies built from them are cut
					     too: text traces keep 32 bytes) */
	uint64_t teardown;		/**< Close/remove requests beyond the
					     recorded session (not checked) */
	struct bn_replay_finding findings[BN_REPLAY_MAX_FINDINGS]; /**< Kept */
	unsigned int nsessions;		/**< Sessions in the trace */
	unsigned int session;		/**< Session replayed (1-based; 0: the
					     trace sets no configuration) */
	struct bn_replay_session sessions[BN_REPLAY_MAX_SESSIONS]; /**< Them */
	char completed[BN_REPLAY_NOTE_MAX]; /**< What descriptor completion
					     did, per configuration, or "" */
	char asked[32];			/**< Family forced, or "" */
	int probe_rc;			/**< Error of a failed probe, or 0 */
	uint64_t classes[BN_RC_COUNT];	/**< Findings per ::bn_replay_class (all,
					     kept or not) */
	int verdict;			/**< ::bn_replay_verdict */
	bool chip_contradicts;		/**< The chip contradicts the family: an
					     EXPECT failed, or identification
					     replaced the family forced */
	bool strict;			/**< Exit status by the exact rule */
	char reason[BN_REPLAY_WHAT_MAX];	/**< Why the verdict is what it is */
	uint64_t behaviour;		/**< Hash of every request the driver made
					     before teardown (equal: the runs asked
					     the same) */
	char error[200];		/**< Why the run stopped early, or "" */
};

/**
 * Learn a device from a trace.
 *
 * @param path		Trace file (any format the readers take)
 * @param bus		Bus of the device to learn, or -1 to pick
 * @param dev		Its address, or -1 to pick
 * @param err		Error text out
 * @param errlen	Size of @p err
 * @return		Model, or NULL (with @p err set)
 */
struct bn_replay_model *bn_replay_learn(const char *path, int bus, int dev,
					char *err, size_t errlen);

/**
 * Learn a device from a trace, completing the configuration descriptors
 * the trace cut short (usbmon text keeps 32 bytes) from a descriptor file
 * (sim/trace/descfile.h).  The report's @c completed says what was
 * completed and how, or why the file was not used.
 *
 * @param path		Trace file
 * @param bus		Bus of the device to learn, or -1 to pick
 * @param dev		Its address
 * @param desc		Descriptor file (NULL: none)
 * @param err		Error text out
 * @param errlen	Size of @p err
 * @return		Model, or NULL (with @p err set)
 */
struct bn_replay_model *bn_replay_learn_desc(const char *path, int bus,
					     int dev,
					     const struct bn_descfile *desc,
					     char *err, size_t errlen);

/**
 * Free a model.
 *
 * @param m		Model (NULL is ignored)
 */
void bn_replay_model_free(struct bn_replay_model *m);

/**
 * Run a driver against a learnt device and report.
 *
 * @param m		Model (reset by the run; reusable)
 * @param opts		Options
 * @param reg		Drivers to choose from
 * @param rep		Report out
 * @return		0 if the run completed (findings may exist), or a
 *			negative ::bn_err (rep->error says why)
 */
int bn_replay_run(struct bn_replay_model *m, const struct bn_replay_opts *opts,
		  const struct bn_registry *reg, struct bn_replay_report *rep);

/**
 * Print a report for people, with the context of the first divergence.
 *
 * @param out		Stream
 * @param m		Model the report came from
 * @param rep		Report
 */
void bn_replay_print(FILE *out, const struct bn_replay_model *m,
		     const struct bn_replay_report *rep);

/**
 * Print a report as one JSON object.
 *
 * @param out		Stream
 * @param rep		Report
 */
void bn_replay_print_json(FILE *out, const struct bn_replay_report *rep);

/**
 * Test whether a report shows a clean replay.
 *
 * @param rep		Report
 * @return		true if the driver probed, opened and nothing diverged
 */
bool bn_replay_ok(const struct bn_replay_report *rep);

/**
 * Score a replay for ranking candidate families (higher is better).
 *
 * A forced family that the driver replaced with another after asking the
 * hardware (::bn_replay_report::family_overridden) loses
 * ::BN_REPLAY_OVERRIDE_PENALTY: the trace is of other hardware.
 *
 * @param rep		Report
 * @return		Score
 */
long bn_replay_score(const struct bn_replay_report *rep);

/**
 * Test whether a replay passes: by its verdict (match or compatible), or
 * with ::bn_replay_opts::strict by the exact rule (bn_replay_ok()).
 *
 * @param rep		Report
 * @return		true for exit status 0
 */
bool bn_replay_passed(const struct bn_replay_report *rep);

/**
 * Name a verdict.
 *
 * @param verdict	::bn_replay_verdict
 * @return		"match", "compatible" or "incompatible"
 */
const char *bn_replay_verdict_name(int verdict);

/**
 * Name a finding class.
 *
 * @param cls		::bn_replay_class
 * @return		Short name, e.g. "policy"
 */
const char *bn_replay_class_name(int cls);

#endif /* BN_REPLAY_H */
