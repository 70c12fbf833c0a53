/*
 * template_step.c — steps (§4.3, §4.4): the keys every step has, the keys
 * of each kind, and the two passes over the list.
 *
 * Pass 1 reads each step on its own and resolves what does not depend on
 * other steps: options (inline or copied from a vocabulary), scales,
 * dates, follow-ups.  Pass 2 links what does: `when:`, recall sources and
 * substitutions, which may only look backwards.  Two passes, rather than
 * checking as we go, let the messages say "it comes later, at steps[9]"
 * instead of only "no such step".
 */
#include <ctype.h>
#include <string.h>

#include "praxis/buf.h"
#include "template_impl.h"

#define TITLE_MAX 80
#define LENS_MAX 40
#define SCALE_LABEL_MAX 80
#define N_KINDS 11

static const char *const kind_names[N_KINDS] = {
	"text", "scale", "choice", "multi", "tags", "people", "date", "action", "recall",
	"outcome", "info",
};

const char *template_kind_name(enum template_kind kind)
{
	return (size_t)kind < N_KINDS ? kind_names[kind] : "?";
}

static const char *const common_keys[] = {
	"id", "kind", "title", "prompt", "guidance", "required", "when", "depth", "lens",
};
#define N_COMMON (sizeof common_keys / sizeof common_keys[0])

#define CHOICE_KEYS "options", "vocabulary", "options_from", "other", "tag", "tag_prefix"
static const char *const kind_keys[N_KINDS][8] = {
	[TEMPLATE_TEXT] = { "words" },
	[TEMPLATE_SCALE] = { "scale", "measure" },
	[TEMPLATE_CHOICE] = { CHOICE_KEYS },
	[TEMPLATE_MULTI] = { CHOICE_KEYS, "max_picks" },
	[TEMPLATE_TAGS] = { "suggest", "prefix", "free" },
	[TEMPLATE_PEOPLE] = { "max", "ask_role" },
	[TEMPLATE_DATE] = { "default", "min", "max" },
	[TEMPLATE_ACTION] = { "due", "follow_up", "max", "words" },
	[TEMPLATE_RECALL] = { "from", "empty" },
};

static const struct template_option outcome_options[] = {
	{ "worked", "Tried it, and it worked", NULL, NULL, NULL },
	{ "mixed", "Tried it, with mixed results", NULL, NULL, NULL },
	{ "failed", "Tried it, and it did not work", NULL, NULL, NULL },
	{ "not-yet", "Not yet, but I still mean to", NULL, NULL, NULL },
	{ "dropped", "Dropped it: no longer worth trying", NULL, NULL, NULL },
};

static bool in_keys(const char *const *keys, size_t n, const char *key)
{
	for (size_t i = 0; i < n && keys[i]; i++)
		if (strcmp(keys[i], key) == 0)
			return true;
	return false;
}

static bool key_allowed(int kind, const char *key)
{
	if (strcmp(key, "required") == 0)
		return kind != TEMPLATE_INFO && kind != TEMPLATE_RECALL;
	if (in_keys(common_keys, N_COMMON, key))
		return true;
	return kind >= 0 && in_keys(kind_keys[kind], 8, key);
}

static bool key_known(const char *key)
{
	for (int k = 0; k < N_KINDS; k++)
		if (key_allowed(k, key))
			return true;
	return false;
}

/* Every key of a step: known, and suited to its KIND (-1: unknown kind,
 * so keys of other kinds are not held against it). */
static void step_keys(struct vctx *c, const struct ynode *n, const char *path, int kind)
{
	char p[VPATH], show[80], sug[128];
	const char *cands[N_COMMON + 8 * N_KINDS];
	size_t nc = 0;
	for (size_t i = 0; i < N_COMMON; i++)
		cands[nc++] = common_keys[i];
	for (int k = 0; k < N_KINDS; k++)
		for (size_t i = 0; i < 8 && kind_keys[k][i]; i++)
			if ((kind < 0 || k == kind) && !in_keys(cands, nc, kind_keys[k][i]))
				cands[nc++] = kind_keys[k][i];
	for (size_t i = 0; i < n->n; i++) {
		const struct ynode *key = n->kids[2 * i];
		if (strncmp(key->str, "x-", 2) == 0 || key_allowed(kind, key->str))
			continue;
		vpath_key(p, path, key->str);
		if (key_known(key->str)) {
			if (kind >= 0)
				verror(c, key, p, "'%s' does not apply to %s %s step", key->str,
				       kind == TEMPLATE_ACTION || kind == TEMPLATE_INFO ||
				       kind == TEMPLATE_OUTCOME ? "an" : "a", kind_names[kind]);
			continue;
		}
		verror(c, key, p, "unknown key '%s'%s", vshow(key->str, show),
		       vsuggest(key->str, cands, nc, sug));
	}
}

/* "feelings_now" → "Feelings now". */
static const char *humanise(struct arena *a, const char *id)
{
	char *s = arena_strdup(a, id);
	for (char *p = s; *p; p++)
		if (*p == '_')
			*p = ' ';
	s[0] = (char)toupper((unsigned char)s[0]);
	return s;
}

static int kind_parse(struct vctx *c, const struct ynode *v, const char *path)
{
	if (!vtext(c, v, path, 0))
		return -1;
	for (int k = 0; k < N_KINDS; k++)
		if (strcmp(v->str, kind_names[k]) == 0)
			return k;
	vnot_one_of(c, v, path, "a kind", kind_names, N_KINDS, "text, scale, choice, multi, "
		    "tags, people, date, action, recall, outcome or info");
	return -1;
}

static enum template_depth depth_parse(struct vctx *c, const struct ynode *v, const char *path)
{
	static const char *const names[] = { "content", "process", "premise" };
	if (!vtext(c, v, path, 0))
		return TEMPLATE_DEPTH_NONE;
	for (int i = 0; i < 3; i++)
		if (strcmp(v->str, names[i]) == 0)
			return (enum template_depth)(i + 1);
	vnot_one_of(c, v, path, "a depth", names, 3, "content, process or premise");
	return TEMPLATE_DEPTH_NONE;
}

static const char *date_expr(struct vctx *c, const struct ynode *v, const char *path)
{
	char show[80];
	if (!vtext(c, v, path, 0))
		return NULL;
	if (date_expr_valid(v->str))
		return v->str;
	verror(c, v, path, "'%s' is not a date expression (today, tomorrow, +7d, -1w, +1m, "
	       "+1y, a weekday or YYYY-MM-DD)", vshow(v->str, show));
	return NULL;
}

/* default/min/max of a date step, or the same keys under an action's due. */
static void dates_parse(struct vctx *c, const struct ynode *n, const char *path,
			struct template_dates *out)
{
	char p[VPATH];
	const struct ynode *v;
	if ((v = ymap_get(n, "default")))
		out->def = date_expr(c, v, vpath_key(p, path, "default"));
	if ((v = ymap_get(n, "min")))
		out->min = date_expr(c, v, vpath_key(p, path, "min"));
	if ((v = ymap_get(n, "max")))
		out->max = date_expr(c, v, vpath_key(p, path, "max"));
}

static void scale_parse(struct vctx *c, struct template_step *s, const struct ynode *n,
			const char *path)
{
	static const char *const keys[] = { "min", "max", "low", "high" };
	char p[VPATH];
	long lo = 1, hi = 5;
	if (!vis_map(c, n, path))
		return;
	vkeys(c, n, path, keys, 4);
	const struct ynode *v;
	bool ok = true;
	if ((v = ymap_get(n, "min")))
		ok &= vint(c, v, vpath_key(p, path, "min"), TEMPLATE_SCALE_LOWEST,
			   TEMPLATE_SCALE_HIGHEST, &lo);
	if ((v = ymap_get(n, "max")))
		ok &= vint(c, v, vpath_key(p, path, "max"), TEMPLATE_SCALE_LOWEST,
			   TEMPLATE_SCALE_HIGHEST, &hi);
	if (ok && lo >= hi)
		verror(c, n, path, "min (%ld) must be less than max (%ld)", lo, hi);
	s->scale_min = (int)lo;
	s->scale_max = (int)hi;
	if ((v = ymap_get(n, "low")))
		s->scale_low = vtext(c, v, vpath_key(p, path, "low"), SCALE_LABEL_MAX);
	if ((v = ymap_get(n, "high")))
		s->scale_high = vtext(c, v, vpath_key(p, path, "high"), SCALE_LABEL_MAX);
}

static const struct template_vocab *vocab_resolve(const struct template *t, const char *id)
{
	for (size_t i = 0; i < t->n_vocabs; i++)
		if (strcmp(t->vocabs[i].id, id) == 0)
			return &t->vocabs[i];
	for (size_t i = 0; i < t->n_uses; i++)
		if (strcmp(t->uses[i], id) == 0)
			return t->set ? template_set_vocab(t->set, id) : NULL;
	return NULL;
}

/* The vocabulary V names, or NULL after reporting why not. */
static const struct template_vocab *vocab_ref(struct vctx *c, const struct template *t,
					      const struct ynode *v, const char *path)
{
	char show[80], sug[128];
	if (!vtext(c, v, path, 0))
		return NULL;
	const struct template_vocab *vocab = vocab_resolve(t, v->str);
	if (vocab)
		return vocab;
	for (size_t i = 0; i < t->n_uses; i++)
		if (strcmp(t->uses[i], v->str) == 0)
			return NULL;   /* use: has already said it is missing */
	for (size_t i = 0; i < t->n_broken; i++)
		if (strcmp(t->broken_vocabs[i], v->str) == 0)
			return NULL;   /* its own errors are reported */
	if (t->set && template_set_vocab(t->set, v->str)) {
		verror(c, v, path, "vocabulary '%s' is not listed under use:", v->str);
		return NULL;
	}
	size_t n = t->n_vocabs + t->n_uses;
	const char **cands = arena_array(c->arena, n + 1, sizeof *cands);
	for (size_t i = 0; i < t->n_vocabs; i++)
		cands[i] = t->vocabs[i].id;
	for (size_t i = 0; i < t->n_uses; i++)
		cands[t->n_vocabs + i] = t->uses[i];
	verror(c, v, path, "'%s' is not a vocabulary of this template (inline or under use:)%s",
	       vshow(v->str, show), vsuggest(v->str, cands, n, sug));
	return NULL;
}

/* Copy options into the template, working out the tag each pick adds. */
static struct template_option *options_copy(struct vctx *c, const struct template_step *s,
					    const struct template_option *src, size_t n,
					    const char *vocab_prefix)
{
	struct template_option *out = arena_array(c->arena, n + 1, sizeof *out);
	const char *prefix = s->tag_prefix ? s->tag_prefix
			     : vocab_prefix && vocab_prefix[0] ? vocab_prefix : NULL;
	for (size_t i = 0; i < n; i++) {
		out[i].id = arena_strdup(c->arena, src[i].id);
		out[i].label = arena_strdup(c->arena, src[i].label);
		out[i].hint = arena_strdup(c->arena, src[i].hint);
		out[i].group = arena_strdup(c->arena, src[i].group);
		if (src[i].tag) {
			out[i].tag = arena_strdup(c->arena, src[i].tag);
		} else if (s->tag) {
			struct px_buf b = PX_BUF_INIT;
			px_buf_addf(&b, prefix ? "%s%s" : "%s/%s", prefix ? prefix : s->id, src[i].id);
			out[i].tag = arena_strdup(c->arena, b.data);
			px_buf_free(&b);
		}
	}
	return out;
}

static void options_from_parse(struct vctx *c, struct template *t, size_t self,
			       const struct ynode *n, const char *path)
{
	static const char *const keys[] = { "fact" };
	char p[VPATH];
	struct template_step *s = &t->steps[self];
	if (!vis_map(c, n, path))
		return;
	vkeys(c, n, path, keys, 1);
	const struct ynode *f = ymap_get(n, "fact");
	if (!vrequire(c, n, path, "fact") || !vtext(c, f, vpath_key(p, path, "fact"), 0))
		return;
	const struct template_fact_info *info = ref_fact(c, t, self, f->str, f, p, "");
	if (info && info->type != TEMPLATE_FACT_LIST)
		verror(c, f, p, "options_from needs a list fact; '%s' is not a list", f->str);
	else if (info)
		s->options_fact = f->str;
}

/* options: / vocabulary: / options_from: — exactly one; a second is
 * reported where it stands. */
static int choice_source_key(struct vctx *c, const struct template_step *s,
			     const struct ynode *n, const char *path,
			     const char *const *sources)
{
	char p[VPATH];
	int which = -1;
	for (size_t i = 0; i < n->n; i++) {
		const struct ynode *key = n->kids[2 * i];
		for (int k = 0; k < 3; k++) {
			if (strcmp(key->str, sources[k]) != 0)
				continue;
			if (which >= 0) {
				verror(c, key, vpath_key(p, path, key->str), "a %s step takes one of "
				       "options, vocabulary or options_from, not both %s and %s",
				       kind_names[s->kind], sources[which], sources[k]);
				return -1;
			}
			which = k;
		}
	}
	if (which < 0)
		verror(c, n, path, "a %s step needs options, vocabulary or options_from",
		       kind_names[s->kind]);
	return which;
}

static void choice_source(struct vctx *c, struct template *t, size_t self,
			  const struct ynode *n, const char *path)
{
	static const char *const sources[] = { "options", "vocabulary", "options_from" };
	char p[VPATH];
	struct template_step *s = &t->steps[self];
	int which = choice_source_key(c, s, n, path, sources);
	if (which < 0)
		return;
	const struct ynode *v = ymap_get(n, sources[which]);
	vpath_key(p, path, sources[which]);
	if (which == 0) {
		size_t k;
		struct template_option *o = options_parse(c, v, p, NULL, 0, &k);
		if (o) {
			s->options = options_copy(c, s, o, k, NULL);
			s->n_options = k;
		}
	} else if (which == 1) {
		const struct template_vocab *voc = vocab_ref(c, t, v, p);
		if (voc) {
			s->vocabulary = voc->id;
			s->options = options_copy(c, s, voc->options, voc->n_options, voc->tag_prefix);
			s->n_options = voc->n_options;
		}
	} else {
		options_from_parse(c, t, self, v, p);
	}
}

static void choice_parse(struct vctx *c, struct template *t, size_t self,
			 const struct ynode *n, const char *path)
{
	char p[VPATH], show[80];
	struct template_step *s = &t->steps[self];
	const struct ynode *v;
	long x;
	if ((v = ymap_get(n, "other")))
		vbool(c, v, vpath_key(p, path, "other"), &s->other);
	if ((v = ymap_get(n, "tag")))
		vbool(c, v, vpath_key(p, path, "tag"), &s->tag);
	if ((v = ymap_get(n, "tag_prefix")) && vtext(c, v, vpath_key(p, path, "tag_prefix"), 0)) {
		if (prefix_valid(v->str))
			s->tag_prefix = v->str;
		else
			verror(c, v, p, "'%s' is not a tag prefix", vshow(v->str, show));
	}
	choice_source(c, t, self, n, path);
	if (s->kind == TEMPLATE_MULTI && (v = ymap_get(n, "max_picks")) &&
	    vint(c, v, vpath_key(p, path, "max_picks"), 1, TEMPLATE_MAX_OPTIONS, &x)) {
		s->max_picks = (size_t)x;
		if (s->n_options && s->max_picks > s->n_options + s->other)
			verror(c, v, p, "max_picks (%ld) is more than the %zu options", x,
			       s->n_options + s->other);
	}
}

static void tags_parse(struct vctx *c, struct template *t, struct template_step *s,
		       const struct ynode *n, const char *path)
{
	char p[VPATH], show[80];
	const struct ynode *v;
	if ((v = ymap_get(n, "suggest"))) {
		const struct template_vocab *voc = vocab_ref(c, t, v, vpath_key(p, path, "suggest"));
		if (voc) {
			s->suggest = voc->id;
			s->suggestions = options_copy(c, s, voc->options, voc->n_options, NULL);
			s->n_suggestions = voc->n_options;
		}
	}
	if ((v = ymap_get(n, "prefix")) && vtext(c, v, vpath_key(p, path, "prefix"), 0)) {
		if (prefix_valid(v->str))
			s->prefix = v->str;
		else
			verror(c, v, p, "'%s' is not a tag prefix", vshow(v->str, show));
	}
	if ((v = ymap_get(n, "free")))
		vbool(c, v, vpath_key(p, path, "free"), &s->free_tags);
}

static void action_parse(struct vctx *c, struct template *t, struct template_step *s,
			 const struct ynode *n, const char *path)
{
	static const char *const due_keys[] = { "default", "min", "max" };
	char p[VPATH];
	const struct ynode *v;
	long x;
	s->max = 1;
	s->follow_up = "action-review";
	if ((v = ymap_get(n, "due")) && vis_map(c, v, vpath_key(p, path, "due"))) {
		vkeys(c, v, p, due_keys, 3);
		dates_parse(c, v, p, &s->dates);
	}
	if ((v = ymap_get(n, "max")) && vint(c, v, vpath_key(p, path, "max"), 1,
					     TEMPLATE_MAX_ACTIONS, &x))
		s->max = (size_t)x;
	v = ymap_get(n, "follow_up");
	if (v && !vid(c, v, vpath_key(p, path, "follow_up"), VID_TEMPLATE))
		return;
	if (v)
		s->follow_up = v->str;
	tref_add(t, s->follow_up, NULL, v ? v : n, v ? p : path);
}

static void outcome_parse(struct vctx *c, struct template *t, size_t self,
			  const struct ynode *n, const char *path)
{
	char p[VPATH];
	struct template_step *s = &t->steps[self];
	const struct ynode *kind = ymap_get(n, "kind");
	if (t->role != TEMPLATE_ROLE_FOLLOW_UP) {
		verror(c, kind, vpath_key(p, path, "kind"), "outcome steps belong in follow-up "
		       "templates (this one's role is %s)", template_role_name(t->role));
		return;
	}
	for (size_t i = 0; i < self; i++) {
		if (t->steps[i].kind == TEMPLATE_OUTCOME && t->step_ok[i]) {
			verror(c, kind, vpath_key(p, path, "kind"), "a template has at most one "
			       "outcome step (the first is steps[%zu])", i);
			return;
		}
	}
	s->options = outcome_options;
	s->n_options = sizeof outcome_options / sizeof outcome_options[0];
}

static void kind_specific(struct vctx *c, struct template *t, size_t self,
			  const struct ynode *n, const char *path)
{
	char p[VPATH];
	struct template_step *s = &t->steps[self];
	const struct ynode *v;
	long x;
	if ((v = ymap_get(n, "words")))
		vwords(c, v, vpath_key(p, path, "words"), &s->words);
	switch (s->kind) {
	case TEMPLATE_SCALE:
		s->scale_min = 1, s->scale_max = 5;
		if ((v = ymap_get(n, "scale")))
			scale_parse(c, s, v, vpath_key(p, path, "scale"));
		if ((v = ymap_get(n, "measure")))
			s->measure = vid(c, v, vpath_key(p, path, "measure"), VID_MEASURE);
		break;
	case TEMPLATE_CHOICE:
	case TEMPLATE_MULTI:
		choice_parse(c, t, self, n, path);
		break;
	case TEMPLATE_TAGS:
		tags_parse(c, t, s, n, path);
		break;
	case TEMPLATE_PEOPLE:
		if ((v = ymap_get(n, "max")) && vint(c, v, vpath_key(p, path, "max"), 1, 50, &x))
			s->max = (size_t)x;
		if ((v = ymap_get(n, "ask_role")))
			vbool(c, v, vpath_key(p, path, "ask_role"), &s->ask_role);
		break;
	case TEMPLATE_DATE:
		dates_parse(c, n, path, &s->dates);
		break;
	case TEMPLATE_ACTION:
		action_parse(c, t, s, n, path);
		break;
	case TEMPLATE_RECALL:
		vrequire(c, n, path, "from");
		if ((v = ymap_get(n, "empty")))
			s->empty = vtext_bytes(c, v, vpath_key(p, path, "empty"), TEMPLATE_MAX_PROMPT);
		break;
	case TEMPLATE_OUTCOME:
		outcome_parse(c, t, self, n, path);
		break;
	default:
		break;
	}
}

static void step_common(struct vctx *c, struct template_step *s, const struct ynode *n,
			const char *path)
{
	char p[VPATH];
	const struct ynode *v;
	if ((v = ymap_get(n, "title")))
		s->title = vtext(c, v, vpath_key(p, path, "title"), TITLE_MAX);
	if (!s->title && s->id)
		s->title = humanise(c->arena, s->id);
	if (s->kind != TEMPLATE_RECALL)
		vrequire(c, n, path, "prompt");
	if ((v = ymap_get(n, "prompt")))
		s->prompt = vtext_bytes(c, v, vpath_key(p, path, "prompt"), TEMPLATE_MAX_PROMPT);
	if ((v = ymap_get(n, "guidance")))
		s->guidance = vtext_bytes(c, v, vpath_key(p, path, "guidance"), TEMPLATE_MAX_PROMPT);
	if ((v = ymap_get(n, "required")))
		vbool(c, v, vpath_key(p, path, "required"), &s->required);
	if ((v = ymap_get(n, "depth")))
		s->depth = depth_parse(c, v, vpath_key(p, path, "depth"));
	if ((v = ymap_get(n, "lens")))
		s->lens = vtext(c, v, vpath_key(p, path, "lens"), LENS_MAX);
}

static const char *step_id(struct vctx *c, struct template *t, size_t self,
			   const struct ynode *n, const char *path)
{
	char p[VPATH];
	const struct ynode *v = ymap_get(n, "id");
	if (!v)
		return NULL;
	const char *id = vid(c, v, vpath_key(p, path, "id"), VID_STEP);
	for (size_t i = 0; id && i < self; i++) {
		if (t->steps[i].id && strcmp(t->steps[i].id, id) == 0) {
			verror(c, v, p, "duplicate step id '%s' (first at steps[%zu])", id, i);
			return NULL;
		}
	}
	return id;
}

static void step_parse(struct vctx *c, struct template *t, size_t self, const struct ynode *n,
		       const char *path)
{
	char p[VPATH];
	struct template_step *s = &t->steps[self];
	size_t before = c->errors;
	s->line = n->line;
	s->column = n->column;
	if (!vis_map(c, n, path))
		return;
	vrequire(c, n, path, "id");
	vrequire(c, n, path, "kind");
	s->id = step_id(c, t, self, n, path);
	const struct ynode *k = ymap_get(n, "kind");
	int kind = k ? kind_parse(c, k, vpath_key(p, path, "kind")) : -1;
	step_keys(c, n, path, kind);
	if (kind < 0 || !s->id)
		return;
	s->kind = (enum template_kind)kind;
	t->step_usable[self] = true;
	step_common(c, s, n, path);
	kind_specific(c, t, self, n, path);
	t->step_ok[self] = c->errors == before;
}

void steps_parse(struct vctx *c, struct template *t, const struct ynode *seq)
{
	char p[VPATH];
	if (!vis_seq(c, seq, "steps"))
		return;
	if (seq->n == 0) {
		verror(c, seq, "steps", "must list at least one step");
		return;
	}
	if (seq->n > TEMPLATE_MAX_STEPS) {
		verror(c, seq, "steps", "has %zu steps; at most %d", seq->n, TEMPLATE_MAX_STEPS);
		return;
	}
	t->n_steps = seq->n;
	t->steps = arena_array(c->arena, seq->n, sizeof *t->steps);
	t->step_ok = arena_array(c->arena, seq->n, sizeof *t->step_ok);
	t->step_usable = arena_array(c->arena, seq->n, sizeof *t->step_usable);
	t->step_nodes = (const struct ynode *const *)seq->kids;
	for (size_t i = 0; i < seq->n; i++)
		step_parse(c, t, i, seq->kids[i], vpath_index(p, "steps", i));
}

/* ---- pass 2 ------------------------------------------------------------- */

static void step_link(struct vctx *c, struct template *t, size_t i)
{
	static const char *const texts[] = { "title", "prompt", "guidance", "empty" };
	char path[VPATH], p[VPATH];
	const struct ynode *n = t->step_nodes[i], *v;
	struct template_step *s = &t->steps[i];
	vpath_index(path, "steps", i);
	if ((v = ymap_get(n, "when")))
		s->when = cond_parse(c, t, i, v, vpath_key(p, path, "when"), 1);
	if (s->kind == TEMPLATE_RECALL && (v = ymap_get(n, "from")))
		s->recall = recall_parse(c, t, i, v, vpath_key(p, path, "from"));
	for (size_t k = 0; k < 4; k++)
		if ((v = ymap_get(n, texts[k])))
			text_check(c, t, i, v, vpath_key(p, path, texts[k]));
}

void steps_link(struct vctx *c, struct template *t)
{
	for (size_t i = 0; i < t->n_steps; i++)
		if (t->step_usable[i])
			step_link(c, t, i);
}
