/*
 * export_flow.h — exporting what a list shows to a file (Browse's E): a
 * short run of questions, then the export (export.h), then one line on
 * the status line.
 *
 * The questions, each skipped when it has nothing to ask:
 *   1. the format, in the chooser, whose title says how many entries go
 *      (DOCX and PDF are marked, and refused, when pandoc is missing);
 *   2. when some of them are private: whether they go too (y/N);
 *   3. when the journal knows people and the format is a document (not
 *      JSON, which is for importing, and an anonymised one cannot be):
 *      whether colleagues' names are kept or anonymised;
 *   4. the file, starting from ~/praxis-export-YYYY-MM-DD.EXT (or the one
 *      exported to last, as typed, with this format's ending); a leading ~
 *      is $HOME, and a relative name is made absolute so that the status
 *      line says where;
 *   5. when the file exists: whether to replace it (y/N).
 * Esc (or ^C, ^G) at any of them cancels with nothing written.  The end is
 * "Exported N entries (W words) to PATH", or one line saying why nothing
 * was written: an empty name, a folder, a missing folder, one that cannot
 * be written, pandoc missing.  export_to_path writes a temporary file and
 * renames it, so a failed export leaves any file there as it was.
 *
 * Ownership: the flow lives in *SLOT, a member of the calling screen's
 * data, from export_flow_start until its last question is answered; the
 * questions' callbacks get SLOT and free the flow when it ends.  The
 * screen calls export_flow_free(SLOT) when it leaves, for a flow cut off
 * by quitting.
 */
#ifndef PRAXIS_UI_EXPORT_FLOW_H
#define PRAXIS_UI_EXPORT_FLOW_H

#include "screen.h"

#include "praxis/export.h"

struct export_flow;

/* Begin exporting SEL, which is copied (its tag, person and ids with it);
 * its include_private is not taken but asked for.  Returns key-handler
 * flags. */
int export_flow_start(struct ui *ui, struct export_flow **slot, const struct export_selection *sel);
void export_flow_free(struct export_flow **slot);

#endif
