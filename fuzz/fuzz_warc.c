/* fuzz_warc.c — libFuzzer harness for the WARC reader (records, HTTP
 * headers, charsets, then HTML extraction of each page) through
 * dyad_reader on a .warc file. */
#include "reader.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    fuzz_read_all(data, size, DYAD_FMT_WARC, ".warc");
    return 0;
}
