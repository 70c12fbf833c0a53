/*
 * template_skeleton.c — the starting text for `praxis templates new ID`:
 * a small, valid template whose comments teach the format by example, so a
 * learner can copy a step and change it rather than read the manual first.
 * The unit tests load it and expect no errors and no warnings.
 */
#include <ctype.h>
#include <string.h>

#include "praxis/buf.h"
#include "template_impl.h"

static const char skeleton[] =
	"# A praxis template: one YAML file, one template.  See praxis-templates(5).\n"
	"# Check it with:  praxis templates check THIS_FILE\n"
	"praxis_template: 1          # format version of this file\n"
	"id: @ID@\n"
	"version: 1                  # bump it whenever you change the steps\n"
	"name: @NAME@\n"
	"summary: >-\n"
	"  One or two sentences shown in the template picker.\n"
	"# based_on:                 # the models your prompts adapt, for exports\n"
	"#   - model: Gibbs' reflective cycle\n"
	"#     cite:\n"
	"#       type: book\n"
	"#       authors: [\"Gibbs, G.\"]\n"
	"#       year: 1988\n"
	"#       title: \"Learning by doing: a guide to teaching and learning methods\"\n"
	"#       place: Oxford\n"
	"#       publisher: Further Education Unit, Oxford Polytechnic\n"
	"adapted: true               # the wording below is your own\n"
	"frames: [incident, note]    # the first is the default frame\n"
	"tags: [@ID@]                # added to every entry made with it\n"
	"steps:\n"
	"  - id: what_happened       # answers are stored under this id\n"
	"    kind: text\n"
	"    title: What happened\n"
	"    prompt: What happened? Keep to what someone watching could have seen.\n"
	"    words: {min: 40, target: 120, max: 250}\n"
	"    required: true\n"
	"    depth: content          # content, process or premise\n"
	"  - id: impact\n"
	"    kind: scale\n"
	"    prompt: How much did it matter to you?\n"
	"    scale: {min: 1, max: 5, low: hardly, high: a great deal}\n"
	"    measure: impact         # reviews can chart a measure over time\n"
	"  - id: why_it_mattered\n"
	"    kind: text\n"
	"    when: {step: impact, ge: 4}   # shown only for answers of 4 or 5\n"
	"    prompt: >-\n"
	"      You rated it {{answer.impact}}. What made it matter that much?\n"
	"  - id: surprise\n"
	"    kind: choice\n"
	"    prompt: Did anything go differently from what you expected?\n"
	"    options:\n"
	"      - {id: \"yes\", label: \"Yes\"}     # quote ids such as yes and no\n"
	"      - {id: \"no\", label: \"No\"}\n"
	"  - id: expected\n"
	"    kind: text\n"
	"    when: {step: surprise, is: \"yes\"}\n"
	"    prompt: What had you expected, and why?\n"
	"    depth: premise\n"
	"  - id: next_time\n"
	"    kind: action             # comes back as a follow-up when it is due\n"
	"    prompt: What will you try next time?\n"
	"    due: {default: +14d, min: today, max: +6m}\n"
	"    follow_up: action-review\n"
	"    max: 2\n";

/* "my-template" → "My template". */
static void add_name(struct px_buf *b, const char *id)
{
	for (size_t i = 0; id[i]; i++) {
		char ch = id[i] == '-' ? ' ' : id[i];
		px_buf_addc(b, i == 0 ? (char)toupper((unsigned char)ch) : ch);
	}
}

char *template_new_skeleton(const char *id, struct px_error *err)
{
	if (!id || !id_valid(VID_TEMPLATE, id)) {
		px_error_set(err, PX_ERR_INVALID, "'%.60s' is not a template id (lower-case "
			     "letters, digits and '-', at most 40, starting with a letter or "
			     "digit)", id ? id : "");
		return NULL;
	}
	struct px_buf name = PX_BUF_INIT, out = PX_BUF_INIT;
	add_name(&name, id);
	for (const char *p = skeleton; *p;) {
		if (strncmp(p, "@ID@", 4) == 0) {
			px_buf_adds(&out, id);
			p += 4;
		} else if (strncmp(p, "@NAME@", 6) == 0) {
			px_buf_adds(&out, name.data);
			p += 6;
		} else {
			px_buf_addc(&out, *p++);
		}
	}
	px_buf_free(&name);
	return px_buf_detach(&out);
}
