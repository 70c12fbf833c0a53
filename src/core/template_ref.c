/*
 * template_ref.c — what a step may refer to.  Conditions, recall sources
 * and substitutions all point at earlier steps or at facts; this file holds
 * the one definition of "an earlier step with an answer" and "a fact this
 * template may read", so the three report problems in the same words.
 */
#include <string.h>

#include "template_impl.h"

/* A step's answer can be tested or quoted (every kind but info). */
static bool kind_has_answer(enum template_kind kind)
{
	return kind != TEMPLATE_INFO;
}

static long step_index(const struct template *t, const char *id)
{
	for (size_t i = 0; i < t->n_steps; i++)
		if (t->steps[i].id && strcmp(t->steps[i].id, id) == 0)
			return (long)i;
	return -1;
}

long ref_earlier_step(struct vctx *c, struct template *t, size_t self, const char *id,
		      const struct ynode *at, const char *path, const char *lead)
{
	char show[80], sug[128];
	long k = step_index(t, id);
	if (k >= 0 && (size_t)k < self && !t->step_ok[k])
		return -1;   /* that step's own errors are reported; do not echo them */
	if (k >= 0 && (size_t)k < self) {
		if (kind_has_answer(t->steps[k].kind))
			return k;
		verror(c, at, path, "%s'%s' is an info step and has no answer", lead, id);
		return -1;
	}
	if (k >= 0 && (size_t)k == self) {
		verror(c, at, path, "%s'%s' is not an earlier step (it is this step)", lead, id);
		return -1;
	}
	if (k >= 0) {
		verror(c, at, path, "%s'%s' is not an earlier step (it comes later, at steps[%ld])",
		       lead, id, k);
		return -1;
	}
	const char **earlier = arena_array(c->arena, self + 1, sizeof *earlier);
	size_t n = 0;
	for (size_t i = 0; i < self; i++)
		if (t->steps[i].id)
			earlier[n++] = t->steps[i].id;
	verror(c, at, path, "%s'%s' is not an earlier step%s", lead, vshow(id, show),
	       vsuggest(id, earlier, n, sug));
	return -1;
}

const struct template_fact_info *ref_fact(struct vctx *c, struct template *t, size_t self,
					  const char *name, const struct ynode *at,
					  const char *path, const char *lead)
{
	char show[80], sug[128];
	const char *names[64];
	if (t->role != TEMPLATE_ROLE_REVIEW) {
		verror(c, at, path, "%sfacts can only be read by review templates (this one's "
		       "role is %s)", lead, template_role_name(t->role));
		return NULL;
	}
	const struct template_fact_info *info = template_fact_lookup(name);
	if (!info) {
		size_t n = template_fact_names(names, 64);
		verror(c, at, path, "%s'%s' is not a fact%s", lead, vshow(name, show),
		       vsuggest(name, names, n, sug));
		return NULL;
	}
	size_t k = 0;
	while (k < t->n_facts && strcmp(t->facts[k], name) != 0)
		k++;
	if (k == t->n_facts) {
		verror(c, at, path, "%sfact '%s' is not listed under facts:", lead, name);
		return NULL;
	}
	if (!info->available && !t->steps[self].needs_fact)
		t->steps[self].needs_fact = t->facts[k];
	return info;
}
