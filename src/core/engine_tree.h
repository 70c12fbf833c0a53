/*
 * engine_tree.h — running answers that another core module already holds
 * as a parsed YAML tree (yamltree.h).  The demo script carries each
 * entry's answers inside itself; running them from the node keeps every
 * error pointing into that script ("journal.yaml:120:9: step 'x': …")
 * instead of into a re-serialised copy.
 */
#ifndef PRAXIS_CORE_ENGINE_TREE_H
#define PRAXIS_CORE_ENGINE_TREE_H

#include "praxis/engine.h"
#include "praxis/error.h"

struct ynode;

/* As engine_run_answers, over ANSWERS: a mapping from step id to answer,
 * or NULL for none (every remaining step skipped).  NAME is the file the
 * tree came from, for the messages' locations. */
int engine_run_answers_tree(struct engine *e, const struct ynode *answers, const char *name,
			    struct px_error *err);

#endif
