/* fuzz_jsonl.c — libFuzzer harness for the JSON Lines reader: arbitrary
 * bytes as a .jsonl file, every document read through dyad_reader. */
#include "reader.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    fuzz_read_all(data, size, DYAD_FMT_JSONL, ".jsonl");
    return 0;
}
