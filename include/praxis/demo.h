/*
 * demo.h — the demo journal: a script of entries (prompts/demo/journal.yaml)
 * written into a journal through the same paths a learner's own entries
 * take, so a newcomer's first journal shows what praxis really does.
 *
 * The script is data, documented in a comment at the top of the bundled
 * file.  In short:
 *
 *     praxis_demo: 1
 *     about: "who is writing"        # optional: one line for the tour
 *     entries:                       # in date order
 *       - day: -88                   # days before TODAY (0 is today)
 *         time: "18:30"              # HH:MM, default 12:00
 *         template: critical-incident    # a guided entry, run through the engine
 *         frame: incident            # optional; else the engine's choice
 *         title: "..."               # optional; else the first answer's line
 *         period: "week"             # optional: review templates' period
 *         inquiry: power             # optional: inside the inquiry keyed so
 *         opens: power               # optional: key for the inquiry it opens
 *         follows: brief-sam         # optional: follows up the action keyed so
 *         actions: [brief-sam]       # keys for the actions it plans, in order
 *         answers: {step: answer}    # exactly an answers file (engine.h)
 *       - day: -80
 *         note: "Free text with #tags and @People"   # a plain entry
 *         title: "..."  frame: note  inquiry: KEY  tags: [a, b]  period: "..."
 *
 * Every entry is written on its own clock (engine_start.now): its date is
 * TODAY + day at its time, and every date expression in its answers ("+7d",
 * "friday") resolves against that day, so a demo built on any day ends
 * near that day with the same shape.  Keys are resolved in order: an
 * `inquiry` or `follows` key must be defined by an earlier entry.
 *
 * demo_build() writes the whole script in one transaction (journal.h): if
 * any entry is refused, nothing is written and ERR names the place in the
 * script, NAME:line:column, with the engine's or the journal's reason
 * ("journal.yaml:120:9: step 'outcome': 'worke' is not one of the options
 * (did you mean 'worked'?)").  It adds to the journal it is given; the
 * CLI gives it a new one.  SCRIPT need not be NUL-terminated; the template
 * set and the journal are borrowed.
 */
#ifndef PRAXIS_DEMO_H
#define PRAXIS_DEMO_H

#include "praxis/date.h"
#include "praxis/error.h"
#include "praxis/journal.h"
#include "praxis/template.h"

#include <stddef.h>

#define DEMO_FORMAT 1                       /* praxis_demo: 1 */
#define DEMO_MAX_SCRIPT (1024 * 1024)       /* bytes */
#define DEMO_MAX_ENTRIES 1000
#define DEMO_MAX_DAYS 3660                  /* how far back an entry may be */
#define DEMO_MAX_ABOUT 256                  /* bytes of `about`, NUL included */
#define DEMO_FILE "demo/journal.yaml"       /* beside the bundled templates */

/* What a build wrote. */
struct demo_stats {
	size_t entries;       /* every entry */
	size_t guided;        /* of them, run through a template */
	size_t actions;       /* actions planned */
	size_t follow_ups;    /* entries that followed up an action */
	size_t inquiries;     /* inquiries opened */
	char about[DEMO_MAX_ABOUT];   /* the script's `about` line, "" when none */
};

/* Write the script's entries into J, with TODAY as day 0 (only its date
 * counts).  STATS may be NULL. */
int demo_build(struct journal *j, const struct template_set *set, const char *script,
	       size_t len, const char *name, const struct px_datetime *today,
	       struct demo_stats *stats, struct px_error *err);

#endif
