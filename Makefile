# dyad — one readable Makefile: all check demo bench asan ubsan deps
BUILD   ?= build
CC      ?= cc
PKGS     = libutf8proc jansson sqlite3 libpq zlib
CFLAGS  ?= -O2 -g
override CFLAGS += -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra \
           -Iinclude -Isrc $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS  += $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstemmer -lmodest -lm -lgeonames -lgio-2.0 -lglib-2.0
DEBS     = build-essential pkg-config python3 libstemmer-dev libutf8proc-dev \
           libjansson-dev libsqlite3-dev libpq-dev zlib1g-dev libmodest-dev \
           libgeonames-common libgeonames-dev libglib2.0-dev postgresql

SRC      = $(sort $(wildcard src/*.c))
OBJ      = $(SRC:src/%.c=$(BUILD)/obj/%.o)
LIB      = $(BUILD)/libdyad.a
BIN      = $(BUILD)/dyad
TESTS    = $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/test_*.c))

all: $(BIN)

$(BUILD)/obj/%.o: src/%.c include/dyad.h $(wildcard src/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

$(LIB): $(OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(wildcard cli/*.c) $(LIB)
	$(CC) $(CFLAGS) $(wildcard cli/*.c) $(LIB) $(LDFLAGS) $(LDLIBS) -o $@

$(BUILD)/bench: bench/bench.c $(LIB)
	$(CC) $(CFLAGS) $< $(LIB) $(LDFLAGS) $(LDLIBS) -o $@

$(BUILD)/tests/%: tests/unit/%.c tests/unit/check.h $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Itests/unit $< $(LIB) $(LDFLAGS) $(LDLIBS) -o $@

# Installs the Debian packages dyad builds and tests with (as root, once).
deps:
	@missing=""; for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

tests: $(BIN) $(TESTS)

check: deps
	$(MAKE) tests
	BUILD=$(BUILD) sh tests/run.sh

demo: deps
	$(MAKE) all
	$(BIN) code --date 2025-08-22 --lang de samples/waffenlieferung.txt

bench: deps
	$(MAKE) all $(BUILD)/bench
	sh bench/run.sh $(BIN)

asan:
	$(MAKE) BUILD=build-asan CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" LDFLAGS="-fsanitize=address,undefined" tests
	BUILD=build-asan sh tests/run.sh

ubsan: asan

# Fuzzing, outside check: one libFuzzer harness per parser (fuzz/fuzz_*.c),
# built with clang under ASan/UBSan into $(BUILD)/fuzz, each run for
# FUZZ_SECONDS from fuzz/seeds/<harness> and its own growing corpus;
# fuzz/asan.supp names the one bug inside a Debian library (libmodest).
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_FLAGS    = -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
               -fno-sanitize-recover=undefined
FUZZ          = $(patsubst fuzz/%.c,$(BUILD)/fuzz/%,$(wildcard fuzz/fuzz_*.c))

$(BUILD)/fuzz/obj/%.o: src/%.c include/dyad.h $(wildcard src/*.h)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

$(BUILD)/fuzz/%: fuzz/%.c fuzz/reader.h $(SRC:src/%.c=$(BUILD)/fuzz/obj/%.o)
	$(FUZZ_CC) $(CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer $< $(SRC:src/%.c=$(BUILD)/fuzz/obj/%.o) $(LDLIBS) -o $@

fuzz:
	$(MAKE) $(FUZZ)
	for f in $(FUZZ); do n=$$(basename $$f); mkdir -p $(BUILD)/fuzz/corpus/$$n; \
	  ASAN_OPTIONS=suppressions=$(CURDIR)/fuzz/asan.supp \
	  $$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -artifact_prefix=$(BUILD)/fuzz/$$n- \
	    $(BUILD)/fuzz/corpus/$$n fuzz/seeds/$$n || exit 1; done

clean:
	rm -rf build build-asan

.PHONY: all deps tests check demo bench asan ubsan fuzz clean
