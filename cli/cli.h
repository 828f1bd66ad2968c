/* cli.h — the dyad command's subcommands; each lives in its own cli/ file
 * and uses only the public dyad.h (plus the store interface for storage). */
#ifndef DYAD_CLI_H
#define DYAD_CLI_H

int cmd_code(int argc, char **argv);     /* cli/main.c */
int cmd_extract(int argc, char **argv);  /* cli/cmd_extract.c */
int cmd_ingest(int argc, char **argv);   /* cli/cmd_store.c */
int cmd_query(int argc, char **argv);    /* cli/cmd_store.c */
int cmd_stats(int argc, char **argv);    /* cli/cmd_store.c */
int cmd_export(int argc, char **argv);   /* cli/cmd_store.c */

#endif
