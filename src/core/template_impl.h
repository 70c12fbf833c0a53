/*
 * template_impl.h — what the template_*.c files share and nobody else sees:
 * the arena, the validation context that collects diagnostics, the helpers
 * that read typed values out of the YAML tree, and the insides of
 * `struct template` and `struct template_set`.
 *
 * Loading runs in two passes over the steps (template.c drives them):
 * pass 1 (template_step.c) reads each step on its own — id, kind, keys,
 * options, scale; pass 2 links what refers to other steps or to facts —
 * `when:` (template_cond.c), recall sources (template_recall.c) and
 * substitutions (template_text.c) — through template_ref.c, which knows what "an earlier
 * step" and "a listed fact" mean and words the complaints.
 */
#ifndef PRAXIS_CORE_TEMPLATE_IMPL_H
#define PRAXIS_CORE_TEMPLATE_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>

#include "praxis/template.h"
#include "yamltree.h"

/* ---- arena (template_arena.c) ------------------------------------------ */
struct arena_block;
struct arena {
	struct arena_block *head;
};

void *arena_alloc(struct arena *a, size_t size);            /* zeroed */
void *arena_array(struct arena *a, size_t n, size_t size);  /* zeroed */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);         /* NULL → NULL */
void arena_free(struct arena *a);

/* ---- diagnostics (template_diag.c) ------------------------------------- */
#define VPATH 256

struct vctx {
	const char *file;               /* display name */
	struct template_diags *diags;   /* may be NULL: only count */
	size_t errors;
	struct arena *arena;
};

/* Past TEMPLATE_MAX_ERRORS: further errors are only counted, so callers
 * may skip the work of wording them (suggestions). */
bool vquiet(const struct vctx *c);
void vdiag(struct vctx *c, enum template_severity sev, const struct ynode *at,
	   const char *path, const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void verror(struct vctx *c, const struct ynode *at, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void vwarn(struct vctx *c, const struct ynode *at, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* A diagnostic at a line and column rather than a node. */
void diags_add(struct template_diags *d, enum template_severity sev, const char *file,
	       int line, int column, const char *path, const char *msg);
/* Sort diagnostics from index START on by position (stable). */
void diags_sort_from(struct template_diags *d, size_t start);

/* ---- reading typed values (template_read.c) ---------------------------- */
const char *vpath_key(char buf[VPATH], const char *parent, const char *key);
const char *vpath_index(char buf[VPATH], const char *parent, size_t i);
/* S shortened for a message (at most ~48 characters, "…" when cut). */
const char *vshow(const char *s, char buf[80]);
size_t utf8_chars(const char *s);
/* "'x' (did you mean 'y'?)" suffix, or "" — into BUF. */
const char *vsuggest(const char *word, const char *const *cands, size_t n, char buf[128]);

bool vis_map(struct vctx *c, const struct ynode *n, const char *path);
bool vis_seq(struct vctx *c, const struct ynode *n, const char *path);
bool vis_scalar(struct vctx *c, const struct ynode *n, const char *path);
/* Non-empty text of at most MAX_CHARS characters (0: no limit). */
const char *vtext(struct vctx *c, const struct ynode *n, const char *path, size_t max_chars);
/* Non-empty text of at most MAX_BYTES bytes (prompt, guidance). */
const char *vtext_bytes(struct vctx *c, const struct ynode *n, const char *path,
			size_t max_bytes);
bool vint(struct vctx *c, const struct ynode *n, const char *path, long lo, long hi,
	  long *out);
bool vbool(struct vctx *c, const struct ynode *n, const char *path, bool *out);
bool vnumber(struct vctx *c, const struct ynode *n, const char *path, double *out);

enum vid_kind { VID_TEMPLATE, VID_STEP, VID_OPTION, VID_MEASURE };
bool id_valid(enum vid_kind kind, const char *s);
const char *vid(struct vctx *c, const struct ynode *n, const char *path, enum vid_kind kind);
/* Report every key of MAP not in ALLOWED (keys starting "x-" are free). */
void vkeys(struct vctx *c, const struct ynode *map, const char *path,
	   const char *const *allowed, size_t n_allowed);
/* Report a missing KEY; true when present. */
bool vrequire(struct vctx *c, const struct ynode *map, const char *path, const char *key);
/* "'x' is not WHAT (did you mean 'y'?)", or "… (LIST)" when nothing is near. */
void vnot_one_of(struct vctx *c, const struct ynode *at, const char *path, const char *what,
		 const char *const *names, size_t n, const char *list);
/* A list of non-empty, distinct texts; each checked with CHECK when given
 * (CHECK reports its own errors and returns false). */
const char **vtext_list(struct vctx *c, const struct ynode *n, const char *path,
			size_t *count,
			bool (*check)(struct vctx *, const struct ynode *, const char *));
/* A {min, target, max} word guide. */
bool vwords(struct vctx *c, const struct ynode *n, const char *path,
	    struct template_words *out);

bool date_expr_valid(const char *s);
bool period_valid(const char *s);
bool vtag(struct vctx *c, const struct ynode *n, const char *path);
/* A tag prefix: tag characters, possibly ending in '/' or '-'. */
bool prefix_valid(const char *s);

/* ---- citations (template_cite.c) ---------------------------------------- */
struct template_basis *basis_parse(struct vctx *c, const struct ynode *n, const char *path,
				   size_t *count);

/* ---- vocabularies and options (template_vocab.c) ------------------------ */
/* Options of a step or vocabulary.  GROUPS (may be NULL) are the ids an
 * option's `group:` must name; only vocabularies have groups. */
struct template_option *options_parse(struct vctx *c, const struct ynode *seq,
				      const char *path, const struct template_group *groups,
				      size_t n_groups, size_t *count);
/* One vocabulary (the value under its id). */
bool vocab_parse(struct vctx *c, const char *id, const struct ynode *n, const char *path,
		 struct template_vocab *out);
/* A vocabulary file's root: fills *OUT with the good vocabularies. */
struct template_vocab *vocab_file_parse(struct vctx *c, const struct ynode *root,
					size_t *count);

/* ---- the template ------------------------------------------------------- */
/* A reference another template must satisfy; checked by template_check_refs. */
struct tref {
	const char *template_id;
	const char *step;           /* NULL for follow_up */
	int line, column;
	const char *path;
};

struct template {
	struct arena arena;
	const char *id;
	int version;
	const char *name, *summary;
	enum template_role role;
	enum template_frame *frames;
	size_t n_frames;
	enum template_focus *attends;
	size_t n_attends;
	const char *period;
	const char **tags, **uses, **facts;
	size_t n_tags, n_uses, n_facts;
	struct template_basis *based_on;
	size_t n_based_on;
	bool adapted;
	const char *opens_inquiry;
	const char *closes_inquiry;
	struct template_words words;
	struct template_step *steps;
	size_t n_steps;
	struct template_vocab *vocabs;      /* inline `vocabularies:` */
	size_t n_vocabs;
	const char **broken_vocabs;         /* inline ones with errors: no echo */
	size_t n_broken;
	char *text;
	size_t text_len;
	char hash[65];
	const char *path, *file;
	enum template_source source;
	struct tref *refs;
	size_t n_refs, cap_refs;
	int id_line, id_column;             /* for "already defined" */
	size_t gen;                         /* which folder of a set it came from */
	/* loading only: the steps' nodes, which steps read cleanly, and which
	 * have at least an id and a kind (their own references are checked) */
	const struct ynode *const *step_nodes;
	bool *step_ok;
	bool *step_usable;
	const struct template_set *set;
};

void tref_add(struct template *t, const char *template_id, const char *step,
	      const struct ynode *at, const char *path);

/* Pass 1 and 2 over the steps (template_step.c). */
void steps_parse(struct vctx *c, struct template *t, const struct ynode *seq);
void steps_link(struct vctx *c, struct template *t);

/* A recall step's `from:` (template_recall.c). */
const struct template_recall *recall_parse(struct vctx *c, struct template *t, size_t self,
					   const struct ynode *n, const char *path);

/* Conditions (template_cond.c). */
const struct template_cond *cond_parse(struct vctx *c, struct template *t, size_t self,
				       const struct ynode *n, const char *path, int level);

/* Substitutions {{ns.name}} (template_text.c). */
void text_check(struct vctx *c, struct template *t, size_t self, const struct ynode *n,
		const char *path);

/* References to steps and facts (template_ref.c). */
/* Index of the earlier step ID that has an answer, or -1 after an error
 * at AT; LEAD is put in front of the message (e.g. "'{{answer.x}}': "). */
long ref_earlier_step(struct vctx *c, struct template *t, size_t self, const char *id,
		      const struct ynode *at, const char *path, const char *lead);
/* The fact NAME if this template may read it, or NULL after an error.
 * Marks step SELF as needing the fact when it is not available. */
const struct template_fact_info *ref_fact(struct vctx *c, struct template *t, size_t self,
					  const char *name, const struct ynode *at,
					  const char *path, const char *lead);

/* Plain fact names for suggestions (template_facts.c); returns the count. */
size_t template_fact_names(const char **out, size_t max);
/* `KEY: 1` — the format version of a template or vocabulary file. */
bool vformat(struct vctx *c, const struct ynode *root, const char *key);

/* ---- sets --------------------------------------------------------------- */
struct vocab_slot {
	const struct template_vocab *vocab;
	size_t gen;                         /* which folder it came from */
};

struct template_set {
	struct arena arena;                 /* vocabulary files */
	struct template **items;            /* sorted by id */
	size_t n, cap;
	struct vocab_slot *vocabs;          /* sorted by id */
	size_t n_vocabs, cap_vocabs;
};

/* Read a whole file of at most TEMPLATE_MAX_FILE bytes (regular files
 * only, never blocking).  Returns 0, or -1 with a diagnostic. */
int template_read_file(const char *path, char **out, size_t *len, struct vctx *c);
/* Check size and encoding, then parse into *ROOT. */
int template_parse_tree(struct vctx *c, struct arena *arena, const char *buf, size_t len,
			struct ynode **root);

#endif
