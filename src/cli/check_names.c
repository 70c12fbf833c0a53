/*
 * check_names.c — the names a command's filters give (--tag, --person,
 * --template) checked against the journal before anything is listed,
 * reviewed or exported: a name the journal does not have is a typo far
 * more often than a question, and it deserves the nearest name, not an
 * empty answer.
 */
#include "cli.h"

#include "praxis/export.h"
#include "praxis/person.h"
#include "praxis/tag.h"
#include "praxis/template.h"

/* Whether any live entry was written with template ID. */
static int written_with(struct journal *j, const char *id, int *yes, struct px_error *err)
{
	struct export_selection sel;
	export_selection_init(&sel);
	sel.template_id = id;
	sel.include_private = 1;
	size_t n = 0;
	if (export_count(j, &sel, &n, err) < 0)
		return -1;
	*yes = n > 0;
	return 0;
}

int cli_check_names(struct cli *cli, struct journal *j, const char *tag, const char *person,
		    const char *template_id)
{
	struct px_error err;
	px_error_clear(&err);
	if (tag && tag_check_known(j, tag, &err) < 0)
		return cli_fail(&err);
	if (person && person_check_known(j, person, &err) < 0)
		return cli_fail(&err);
	if (template_id && !template_set_find(cli_templates(cli), template_id)) {
		int used = 0;
		if (written_with(j, template_id, &used, &err) < 0)
			return cli_fail(&err);
		if (!used) {
			template_set_get(cli_templates(cli), template_id, &err);
			return cli_template_missing(cli, &err);
		}
	}
	return 0;
}
