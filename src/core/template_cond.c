/*
 * template_cond.c — `when:` conditions (§4.5): read and checked against
 * the steps before them, kept as a tree, and evaluated by the engine over
 * the answers so far.
 *
 * A condition is a mapping with one subject (step, fact, frame, inquiry,
 * all, any, not) and, for step and fact leaves, exactly one operator.  The
 * checks make a condition that loads one that can hold: the step exists and
 * comes earlier, the operator suits its kind (or the fact's type), and the
 * values compared are the step's option ids or inside its scale.
 */
#include <stdio.h>
#include <string.h>

#include "template_impl.h"

static const char *const op_names[] = {
	[TEMPLATE_OP_EQ] = "eq", [TEMPLATE_OP_NE] = "ne", [TEMPLATE_OP_LT] = "lt",
	[TEMPLATE_OP_LE] = "le", [TEMPLATE_OP_GT] = "gt", [TEMPLATE_OP_GE] = "ge",
	[TEMPLATE_OP_IS] = "is", [TEMPLATE_OP_HAS] = "has",
	[TEMPLATE_OP_ANSWERED] = "answered", [TEMPLATE_OP_PRESENT] = "present",
};
#define N_OPS (sizeof op_names / sizeof op_names[0])

static const char *const subjects[] = { "step", "fact", "frame", "inquiry", "all", "any", "not" };
#define N_SUBJECTS (sizeof subjects / sizeof subjects[0])

#define OPS_COMPARE ((1u << TEMPLATE_OP_EQ) | (1u << TEMPLATE_OP_NE) | (1u << TEMPLATE_OP_LT) | \
		     (1u << TEMPLATE_OP_LE) | (1u << TEMPLATE_OP_GT) | (1u << TEMPLATE_OP_GE))
#define OP(x) (1u << TEMPLATE_OP_##x)

const char *template_op_name(enum template_cond_op op)
{
	return (size_t)op < N_OPS ? op_names[op] : "?";
}

static unsigned kind_ops(enum template_kind kind)
{
	switch (kind) {
	case TEMPLATE_SCALE:
		return OPS_COMPARE | OP(ANSWERED);
	case TEMPLATE_CHOICE:
	case TEMPLATE_OUTCOME:
		return OP(IS) | OP(EQ) | OP(NE) | OP(ANSWERED);
	case TEMPLATE_MULTI:
	case TEMPLATE_TAGS:
		return OP(HAS) | OP(ANSWERED);
	case TEMPLATE_INFO:
		return 0;
	default:
		return OP(ANSWERED);
	}
}

static unsigned fact_ops(enum template_fact_type type)
{
	switch (type) {
	case TEMPLATE_FACT_NUMBER:
		return OPS_COMPARE | OP(PRESENT);
	case TEMPLATE_FACT_TEXT:
		return OP(EQ) | OP(NE) | OP(PRESENT);
	case TEMPLATE_FACT_LIST:
		break;
	}
	return OP(HAS) | OP(PRESENT);
}

/* "is, eq, ne or answered" into BUF. */
static const char *ops_phrase(unsigned ops, char buf[96])
{
	size_t n = 0, total = 0, len = 0;
	for (size_t i = 0; i < N_OPS; i++)
		total += (ops >> i) & 1;
	buf[0] = '\0';
	for (size_t i = 0; i < N_OPS; i++) {
		if (!((ops >> i) & 1))
			continue;
		const char *sep = n == 0 ? "" : n + 1 == total ? " or " : ", ";
		len += (size_t)snprintf(buf + len, 96 - len, "%s%s", sep, op_names[i]);
		n++;
	}
	return buf;
}

static bool value_is_option(struct vctx *c, const struct template_step *s,
			    const struct ynode *v, const char *path)
{
	char show[80], sug[128];
	const char *ids[TEMPLATE_MAX_OPTIONS];
	if (!vtext(c, v, path, 0))
		return false;
	if (s->options_fact || (s->kind == TEMPLATE_TAGS && vtag(c, v, path)))
		return true;
	if (s->kind == TEMPLATE_TAGS)
		return false;
	if (s->other && strcmp(v->str, "other") == 0)
		return true;
	for (size_t i = 0; i < s->n_options; i++) {
		ids[i] = s->options[i].id;
		if (strcmp(s->options[i].id, v->str) == 0)
			return true;
	}
	verror(c, v, path, "'%s' is not an option of '%s'%s", vshow(v->str, show), s->id,
	       vsuggest(v->str, ids, s->n_options, sug));
	return false;
}

/* A value or a list of values (is, has); each checked by CHECK (may be NULL). */
static bool values_parse(struct vctx *c, struct template_cond *out, const struct ynode *v,
			 const char *path, const struct template_step *s)
{
	char p[VPATH];
	size_t n = v->kind == YNODE_SEQ ? v->n : 1;
	const char **vals = arena_array(c->arena, n + 1, sizeof *vals);
	bool ok = true;
	if (v->kind == YNODE_SEQ && v->n == 0) {
		verror(c, v, path, "must list at least one value");
		return false;
	}
	if (v->kind == YNODE_SEQ && v->n > TEMPLATE_MAX_OPTIONS) {
		verror(c, v, path, "has %zu values; at most %d", v->n, TEMPLATE_MAX_OPTIONS);
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		const struct ynode *item = v->kind == YNODE_SEQ ? v->kids[i] : v;
		const char *ip = v->kind == YNODE_SEQ ? vpath_index(p, path, i) : path;
		bool good = s ? value_is_option(c, s, item, ip) : vtext(c, item, ip, 0) != NULL;
		ok &= good;
		vals[i] = item->kind == YNODE_SCALAR ? item->str : "";
	}
	out->values = vals;
	out->n_values = n;
	return ok;
}

static bool step_value(struct vctx *c, struct template_cond *out, const struct template_step *s,
		       const struct ynode *v, const char *path)
{
	long x;
	switch (out->op) {
	case TEMPLATE_OP_ANSWERED:
		return vbool(c, v, path, &out->flag);
	case TEMPLATE_OP_IS:
	case TEMPLATE_OP_HAS:
		return values_parse(c, out, v, path, s);
	default:
		break;
	}
	if (s->kind != TEMPLATE_SCALE)   /* eq/ne on a choice: one option id */
		return v->kind == YNODE_SCALAR ? values_parse(c, out, v, path, s)
					       : vis_scalar(c, v, path);
	if (!vint(c, v, path, -1000000, 1000000, &x))
		return false;
	if (x < s->scale_min || x > s->scale_max) {
		verror(c, v, path, "%ld is outside the scale of '%s' (%d to %d)", x, s->id,
		       s->scale_min, s->scale_max);
		return false;
	}
	out->number = (double)x;
	out->number_valid = true;
	return true;
}

static bool fact_value(struct vctx *c, struct template_cond *out,
		       const struct template_fact_info *info, const struct ynode *v,
		       const char *path)
{
	if (out->op == TEMPLATE_OP_PRESENT)
		return vbool(c, v, path, &out->flag);
	if (out->op == TEMPLATE_OP_HAS || info->type == TEMPLATE_FACT_TEXT)
		return v->kind == YNODE_SCALAR || out->op == TEMPLATE_OP_HAS
			       ? values_parse(c, out, v, path, NULL)
			       : vis_scalar(c, v, path);
	out->number_valid = vnumber(c, v, path, &out->number);
	return out->number_valid;
}

static int op_index(const char *key)
{
	for (size_t i = 0; i < N_OPS; i++)
		if (strcmp(op_names[i], key) == 0)
			return (int)i;
	return -1;
}

/* The one operator of a leaf (in file order); its value node in *V. */
static bool leaf_op(struct vctx *c, const struct ynode *n, const char *path,
		    struct template_cond *out, const struct ynode **v)
{
	const char *found = NULL;
	for (size_t i = 0; i < n->n; i++) {
		const struct ynode *key = n->kids[2 * i];
		int op = op_index(key->str);
		if (op < 0)
			continue;
		if (found) {
			char p[VPATH];
			verror(c, key, vpath_key(p, path, key->str), "a condition takes one operator; found '%s' and '%s' "
			       "(combine conditions with all:)", found, key->str);
			return false;
		}
		found = op_names[op];
		out->op = (enum template_cond_op)op;
		*v = n->kids[2 * i + 1];
	}
	if (!found)
		verror(c, n, path, "a condition on a %s needs one operator (eq, ne, lt, le, gt, "
		       "ge, is, has, answered or present)", out->type == TEMPLATE_COND_STEP
		       ? "step" : "fact");
	return found != NULL;
}

static bool step_leaf(struct vctx *c, struct template *t, size_t self, const struct ynode *n,
		      const char *path, struct template_cond *out)
{
	char p[VPATH], ops[96];
	const struct ynode *v = NULL, *name = ymap_get(n, "step");
	if (!leaf_op(c, n, path, out, &v) || !vtext(c, name, vpath_key(p, path, "step"), 0))
		return false;
	long k = ref_earlier_step(c, t, self, name->str, name, p, "");
	if (k < 0)
		return false;
	const struct template_step *s = &t->steps[k];
	out->name = s->id;
	out->step_index = (size_t)k;
	const char *opn = op_names[out->op];
	vpath_key(p, path, opn);
	if (!(kind_ops(s->kind) & (1u << out->op))) {
		verror(c, ymap_key(n, opn), p, "'%s' cannot test '%s', a %s step (use %s)", opn,
		       s->id, template_kind_name(s->kind), ops_phrase(kind_ops(s->kind), ops));
		return false;
	}
	return step_value(c, out, s, v, p);
}

static bool fact_leaf(struct vctx *c, struct template *t, size_t self, const struct ynode *n,
		      const char *path, struct template_cond *out)
{
	char p[VPATH], ops[96];
	const struct ynode *v = NULL, *name = ymap_get(n, "fact");
	if (!leaf_op(c, n, path, out, &v) || !vtext(c, name, vpath_key(p, path, "fact"), 0))
		return false;
	const struct template_fact_info *info = ref_fact(c, t, self, name->str, name, p, "");
	if (!info)
		return false;
	out->name = name->str;
	const char *opn = op_names[out->op];
	vpath_key(p, path, opn);
	if (!(fact_ops(info->type) & (1u << out->op))) {
		static const char *const types[] = { "number", "text", "list" };
		verror(c, ymap_key(n, opn), p, "'%s' cannot test fact '%s', a %s (use %s)", opn,
		       name->str, types[info->type], ops_phrase(fact_ops(info->type), ops));
		return false;
	}
	return fact_value(c, out, info, v, p);
}

static bool frame_leaf(struct vctx *c, const struct ynode *v, const char *path,
		       struct template_cond *out)
{
	static const char *const frames[] = { "incident", "period", "inquiry", "note" };
	char p[VPATH];
	size_t n = v->kind == YNODE_SEQ ? v->n : 1;
	enum template_frame *fr = arena_array(c->arena, n + 1, sizeof *fr);
	bool ok = n > 0;
	if (!ok)
		verror(c, v, path, "must list at least one frame");
	for (size_t i = 0; i < n; i++) {
		const struct ynode *item = v->kind == YNODE_SEQ ? v->kids[i] : v;
		const char *ip = v->kind == YNODE_SEQ ? vpath_index(p, path, i) : path;
		if (!vtext(c, item, ip, 0)) {
			ok = false;
		} else if (template_frame_parse(item->str, &fr[i]) < 0) {
			vnot_one_of(c, item, ip, "a frame", frames, 4, "incident, period, inquiry or "
				    "note");
			ok = false;
		}
	}
	out->frames = fr;
	out->n_frames = n;
	return ok;
}

static bool list_children(struct vctx *c, struct template *t, size_t self,
			  const struct ynode *v, const char *path, int level,
			  struct template_cond *out)
{
	char p[VPATH];
	if (!vis_seq(c, v, path))
		return false;
	if (v->n == 0) {
		verror(c, v, path, "must list at least one condition");
		return false;
	}
	const struct template_cond **kids = arena_array(c->arena, v->n, sizeof *kids);
	bool ok = true;
	for (size_t i = 0; i < v->n; i++) {
		kids[i] = cond_parse(c, t, self, v->kids[i], vpath_index(p, path, i), level + 1);
		ok &= kids[i] != NULL;
	}
	out->children = kids;
	out->n_children = v->n;
	return ok;
}

/* The subject key of N (in file order), or -1 after reporting none or
 * several.  QUIET: an unknown key was already reported (probably the
 * subject, misspelt), so "needs one of" would only repeat it. */
static int cond_subject(struct vctx *c, const struct ynode *n, const char *path, bool quiet)
{
	int found = -1;
	for (size_t i = 0; i < n->n; i++) {
		const struct ynode *key = n->kids[2 * i];
		int k = 0;
		while (k < (int)N_SUBJECTS && strcmp(subjects[k], key->str) != 0)
			k++;
		if (k == (int)N_SUBJECTS)
			continue;
		if (found >= 0) {
			char p[VPATH];
			verror(c, key, vpath_key(p, path, key->str), "a condition has one subject; found '%s' and '%s' "
			       "(combine conditions with all:)", subjects[found], subjects[k]);
			return -1;
		}
		found = k;
	}
	if (found < 0 && !quiet)
		verror(c, n, path, "a condition needs one of step, fact, frame, inquiry, all, "
		       "any or not");
	return found;
}

/* Operators belong to step and fact leaves only. */
static bool stray_ops(struct vctx *c, const struct ynode *n, const char *path, int subject)
{
	for (size_t i = 0; i < N_OPS; i++) {
		const struct ynode *k = ymap_key(n, op_names[i]);
		if (k) {
			verror(c, k, path, "'%s' cannot be used with '%s'", op_names[i], subjects[subject]);
			return true;
		}
	}
	return false;
}

static bool cond_body(struct vctx *c, struct template *t, size_t self, const struct ynode *n,
		      const char *path, int level, int subject, struct template_cond *out)
{
	char p[VPATH];
	const struct ynode *v = ymap_get(n, subjects[subject]);
	out->type = (enum template_cond_type)subject;
	if (subject > TEMPLATE_COND_FACT && stray_ops(c, n, path, subject))
		return false;
	vpath_key(p, path, subjects[subject]);
	switch (out->type) {
	case TEMPLATE_COND_STEP:
		return step_leaf(c, t, self, n, path, out);
	case TEMPLATE_COND_FACT:
		return fact_leaf(c, t, self, n, path, out);
	case TEMPLATE_COND_FRAME:
		return frame_leaf(c, v, p, out);
	case TEMPLATE_COND_INQUIRY:
		return vbool(c, v, p, &out->flag);
	case TEMPLATE_COND_ALL:
	case TEMPLATE_COND_ANY:
		return list_children(c, t, self, v, p, level, out);
	case TEMPLATE_COND_NOT:
		break;
	}
	const struct template_cond **kid = arena_alloc(c->arena, sizeof *kid);
	*kid = cond_parse(c, t, self, v, p, level + 1);
	out->children = kid;
	out->n_children = 1;
	return *kid != NULL;
}

const struct template_cond *cond_parse(struct vctx *c, struct template *t, size_t self,
				       const struct ynode *n, const char *path, int level)
{
	const char *keys[N_SUBJECTS + N_OPS];
	if (level > TEMPLATE_MAX_COND_DEPTH) {
		verror(c, n, path, "conditions nest at most %d levels deep",
		       TEMPLATE_MAX_COND_DEPTH);
		return NULL;
	}
	if (!vis_map(c, n, path))
		return NULL;
	memcpy(keys, subjects, sizeof subjects);
	memcpy(keys + N_SUBJECTS, op_names, sizeof op_names);
	size_t before = c->errors;
	vkeys(c, n, path, keys, N_SUBJECTS + N_OPS);
	int subject = cond_subject(c, n, path, c->errors != before);
	if (subject < 0)
		return NULL;
	struct template_cond *out = arena_alloc(c->arena, sizeof *out);
	if (!cond_body(c, t, self, n, path, level, subject, out) || c->errors != before)
		return NULL;
	return out;
}

/* ---- evaluation --------------------------------------------------------- */

static bool in_list(const char *s, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (list[i] && strcmp(list[i], s) == 0)
			return true;
	return false;
}

static bool compare(const struct template_cond *c, const struct template_value *v)
{
	if (c->op == TEMPLATE_OP_IS)
		return v->n_items > 0 && v->items[0] && in_list(v->items[0], c->values, c->n_values);
	if (c->op == TEMPLATE_OP_HAS) {
		for (size_t i = 0; i < c->n_values; i++)
			if (in_list(c->values[i], v->items, v->n_items))
				return true;
		return false;
	}
	if (!c->number_valid) {   /* eq/ne on an option id or a text fact */
		bool same = v->n_items > 0 && v->items[0] && c->n_values > 0 &&
			    strcmp(v->items[0], c->values[0]) == 0;
		return c->op == TEMPLATE_OP_EQ ? same : !same;
	}
	if (!v->number_valid)
		return false;
	switch (c->op) {
	case TEMPLATE_OP_EQ: return v->number == c->number;
	case TEMPLATE_OP_NE: return v->number != c->number;
	case TEMPLATE_OP_LT: return v->number < c->number;
	case TEMPLATE_OP_LE: return v->number <= c->number;
	case TEMPLATE_OP_GT: return v->number > c->number;
	case TEMPLATE_OP_GE: return v->number >= c->number;
	default: return false;
	}
}

static bool leaf_eval(const struct template_cond *c, const struct template_env *env)
{
	struct template_value v;
	memset(&v, 0, sizeof v);
	bool (*get)(void *, const char *, struct template_value *) =
		c->type == TEMPLATE_COND_STEP ? env->answer : env->fact;
	bool present = get && get(env->ctx, c->name, &v);
	if (c->op == TEMPLATE_OP_ANSWERED || c->op == TEMPLATE_OP_PRESENT)
		return present == c->flag;
	return present && compare(c, &v);
}

bool template_cond_eval(const struct template_cond *c, const struct template_env *env)
{
	switch (c->type) {
	case TEMPLATE_COND_STEP:
	case TEMPLATE_COND_FACT:
		return leaf_eval(c, env);
	case TEMPLATE_COND_FRAME:
		for (size_t i = 0; i < c->n_frames; i++)
			if (c->frames[i] == env->frame)
				return true;
		return false;
	case TEMPLATE_COND_INQUIRY:
		return env->in_inquiry == c->flag;
	case TEMPLATE_COND_ALL:
		for (size_t i = 0; i < c->n_children; i++)
			if (!template_cond_eval(c->children[i], env))
				return false;
		return true;
	case TEMPLATE_COND_ANY:
		for (size_t i = 0; i < c->n_children; i++)
			if (template_cond_eval(c->children[i], env))
				return true;
		return false;
	case TEMPLATE_COND_NOT:
		return !template_cond_eval(c->children[0], env);
	}
	return false;
}

bool template_step_shown(const struct template_step *step, const struct template_env *env)
{
	if (step->needs_fact)
		return false;
	return !step->when || template_cond_eval(step->when, env);
}
