/*
 * template_recall.c — where a recall step reads from (§4.4): an earlier
 * answer in this run, the action being followed up and the entry that
 * planned it, the inquiry's question or an earlier answer within it, the
 * latest answer to a step of some template, or a computed fact.  Each
 * source has its own rule about where it may be used; references to other
 * templates are checked once the whole set is loaded (template_check_refs).
 */
#include <string.h>

#include "template_impl.h"

static const char *const recall_sources[] = {
	"step", "action", "planning_entry", "inquiry", "inquiry_step", "template", "fact",
};

/* The one source key of a `from:` mapping, in file order (`step` belongs
 * to `template` when both are there). */
static int recall_source(struct vctx *c, const struct ynode *n, const char *path)
{
	int found = -1;
	bool with_template = ymap_get(n, "template") != NULL;
	for (size_t i = 0; i < n->n; i++) {
		const struct ynode *key = n->kids[2 * i];
		int k = 0;
		while (k < 7 && strcmp(recall_sources[k], key->str) != 0)
			k++;
		if (k == 7 || (k == 0 && with_template))
			continue;
		if (found >= 0) {
			char p[VPATH];
			verror(c, key, vpath_key(p, path, key->str), "recall reads from one source; found '%s' and '%s'",
			       recall_sources[found], recall_sources[k]);
			return -1;
		}
		found = k;
	}
	if (found < 0)
		verror(c, n, path, "from: needs one source (step, action, planning_entry, inquiry, "
		       "inquiry_step, template or fact)");
	return found;
}

static bool recall_which(struct vctx *c, const struct ynode *n, const char *path,
			 struct template_recall *r, const char *def)
{
	static const char *const whiches[] = { "last", "previous", "first" };
	char p[VPATH], show[80], sug[128];
	const struct ynode *v = ymap_get(n, "which");
	r->which = def;
	if (!v)
		return true;
	if (!vtext(c, v, vpath_key(p, path, "which"), 0))
		return false;
	for (size_t i = 0; i < 3; i++) {
		if (strcmp(v->str, whiches[i]) == 0) {
			r->which = v->str;
			return true;
		}
	}
	verror(c, v, p, "'%s' is not last, previous or first%s", vshow(v->str, show),
	       vsuggest(v->str, whiches, 3, sug));
	return false;
}

static bool follow_up_only(struct vctx *c, const struct template *t, const struct ynode *v,
			   const char *path, const char *what)
{
	if (t->role == TEMPLATE_ROLE_FOLLOW_UP)
		return true;
	verror(c, v, path, "%s works only in follow-up templates (this one's role is %s)", what,
	       template_role_name(t->role));
	return false;
}

/* V is one of NAMES (n ≤ 3); returns it or NULL. */
static const char *recall_field(struct vctx *c, const struct ynode *v, const char *path,
				const char *const *names, size_t n)
{
	char show[80];
	if (!vtext(c, v, path, 0))
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (strcmp(v->str, names[i]) == 0)
			return v->str;
	verror(c, v, path, "'%s' is not %s%s%s%s%s", vshow(v->str, show), names[0],
	       n > 2 ? ", " : n > 1 ? " or " : "", n > 1 ? names[1] : "",
	       n > 2 ? " or " : "", n > 2 ? names[2] : "");
	return NULL;
}

static bool recall_template(struct vctx *c, struct template *t, const struct ynode *n,
			    const char *path, struct template_recall *r)
{
	char p[VPATH], q[VPATH], sug[128];
	const struct ynode *tid = ymap_get(n, "template"), *step = ymap_get(n, "step");
	if (!vrequire(c, n, path, "step"))
		return false;
	r->template_id = vid(c, tid, vpath_key(p, path, "template"), VID_TEMPLATE);
	r->step = vid(c, step, vpath_key(q, path, "step"), VID_STEP);
	if (!r->template_id || !r->step || !recall_which(c, n, path, r, "previous"))
		return false;
	if (!t->id || strcmp(r->template_id, t->id) != 0) {
		tref_add(t, r->template_id, r->step, step, q);
		return true;
	}
	if (template_step_find(t, r->step) >= 0)
		return true;
	const char **ids = arena_array(c->arena, t->n_steps + 1, sizeof *ids);
	size_t k = 0;
	for (size_t i = 0; i < t->n_steps; i++)
		if (t->steps[i].id)
			ids[k++] = t->steps[i].id;
	verror(c, step, q, "'%s' is not a step of this template%s", r->step,
	       vsuggest(r->step, ids, k, sug));
	return false;
}

static bool recall_body(struct vctx *c, struct template *t, size_t self,
			const struct ynode *n, const char *path, int src,
			struct template_recall *r)
{
	static const char *const action[] = { "summary", "text", "due" };
	static const char *const question[] = { "question" };
	char p[VPATH];
	const struct ynode *v = ymap_get(n, recall_sources[src]);
	vpath_key(p, path, recall_sources[src]);
	r->type = (enum template_recall_type)src;
	switch (r->type) {
	case TEMPLATE_RECALL_STEP: {
		long k = vtext(c, v, p, 0) ? ref_earlier_step(c, t, self, v->str, v, p, "") : -1;
		r->step = v->str;
		r->step_index = (size_t)(k < 0 ? 0 : k);
		return k >= 0;
	}
	case TEMPLATE_RECALL_ACTION:
		if (!follow_up_only(c, t, v, p, "recalling the action being followed up"))
			return false;
		r->field = recall_field(c, v, p, action, 3);
		return r->field != NULL;
	case TEMPLATE_RECALL_PLANNING_ENTRY:
		if (!follow_up_only(c, t, v, p, "recalling the planning entry"))
			return false;
		r->step = vid(c, v, p, VID_STEP);
		return r->step != NULL;
	case TEMPLATE_RECALL_INQUIRY:
		r->field = recall_field(c, v, p, question, 1);
		return r->field != NULL;
	case TEMPLATE_RECALL_INQUIRY_STEP:
		r->step = vid(c, v, p, VID_STEP);
		return r->step && recall_which(c, n, path, r, "last");
	case TEMPLATE_RECALL_TEMPLATE:
		return recall_template(c, t, n, path, r);
	case TEMPLATE_RECALL_FACT:
		break;
	}
	if (!vtext(c, v, p, 0) || !ref_fact(c, t, self, v->str, v, p, ""))
		return false;
	r->fact = v->str;
	return true;
}

const struct template_recall *recall_parse(struct vctx *c, struct template *t,
						  size_t self, const struct ynode *n,
						  const char *path)
{
	static const char *const keys[] = {
		"step", "action", "planning_entry", "inquiry", "inquiry_step", "template", "fact",
		"which",
	};
	if (!vis_map(c, n, path))
		return NULL;
	size_t before = c->errors;
	vkeys(c, n, path, keys, 8);
	int src = recall_source(c, n, path);
	if (src < 0)
		return NULL;
	const struct ynode *which = ymap_key(n, "which");
	if (which && src != TEMPLATE_RECALL_INQUIRY_STEP && src != TEMPLATE_RECALL_TEMPLATE)
		verror(c, which, path, "'which' goes with inquiry_step or template");
	struct template_recall *r = arena_alloc(c->arena, sizeof *r);
	if (!recall_body(c, t, self, n, path, src, r) || c->errors != before)
		return NULL;
	return r;
}
