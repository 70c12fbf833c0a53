/*
 * snapshot.h — the text of each template version as first used, so that
 * old entries keep their questions, metadata and citations after the
 * template file changes or disappears.
 *
 * A snapshot is keyed by template id, declared version and the SHA-256 of
 * the YAML text (sha256.h): editing a template without bumping its version
 * still makes a new snapshot.  snapshot_keep is idempotent (the engine calls
 * it every time an entry is written from a template) and checks that HASH
 * really is the hash of YAML, so a snapshot can be trusted later.  It runs
 * in one transaction nested inside the caller's (journal.h); refusals leave
 * the caller's transaction usable.
 */
#ifndef PRAXIS_SNAPSHOT_H
#define PRAXIS_SNAPSHOT_H

#include "praxis/error.h"
#include "praxis/journal.h"

/* Keep YAML as the text of TEMPLATE_ID version VERSION (not negative) with
 * hash HASH (64 lower-case hex digits), unless it is already kept.
 * TEMPLATE_ID is a template id (lower-case letters, digits and '-', at most
 * 40, starting with a letter or digit). */
int snapshot_keep(struct journal *j, const char *template_id, int version, const char *hash,
		  const char *yaml, struct px_error *err);

/* The kept text of TEMPLATE_ID version VERSION with hash HASH (NULL: the
 * one first used most recently) into *YAML, the caller's to free.  None:
 * PX_ERR_NOT_FOUND "template 'gibbs' version 2: no snapshot in the
 * journal". */
int snapshot_get(struct journal *j, const char *template_id, int version, const char *hash,
		 char **yaml, struct px_error *err);

#endif
