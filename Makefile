# Makefile — builds carnet, its reports and its tests.  See README.md.
#
#   make report   the 2023 carnet from the bundled fixtures, into out/2023/
#                 (workbooks, the PDF for screens and for print, web/)
#   make workbooks  only the figures and the two workbooks
#   make check    the tests, built with -fsanitize=address,undefined
#   make valgrind the tests and the ETL under valgrind
#   make bench    times the stages at x1 to x1000 the 2023 exports, into
#                 bench/RESULTS.md (a few minutes; BENCH_SCALES, BENCH_RUNS)
#
# Each public target first has tools/deps.sh install the missing Debian
# packages, once: a stamp under build/ (build/.deps-KIND), which the script
# (and so its package lists) invalidates, saves asking dpkg on every run.
# Then it calls make again for the real work, so that pkg-config is asked
# only once the libraries are there.

YEAR    ?= 2023
IN      ?= fixtures/$(YEAR)
OUT     ?= out/$(YEAR)
BUILD   ?= build
VERSION := 0.1.0

CC      ?= cc
CXX     ?= c++
CFLAGS  ?= -O2 -g
CXXFLAGS ?= -O2 -g
WARN    := -std=c11 -Wall -Wextra -D_POSIX_C_SOURCE=200809L
ifeq ($(SAN),1)
SANITIZE := -fsanitize=address,undefined -fno-omit-frame-pointer \
            -fno-sanitize-recover=undefined
endif
# photos: libjpeg(-turbo), libexif, libwebp (and its demuxer: ICC, EXIF),
# libpng, which read a photo's header (the model's) and decode it; lcms2
# converts its colours; the logo: librsvg
PROBE_PKGS := libjpeg libexif libwebp libwebpdemux libpng
PHOTO_PKGS := $(PROBE_PKGS) lcms2 librsvg-2.0
# The libraries' headers as system headers (-isystem): -MMD leaves them
# out of the dependency files, so that make does not stat hundreds of
# headers an object on every run (it made `make report` twice as slow).
ALL_CFLAGS = $(WARN) $(CFLAGS) $(SANITIZE) -DCARNET_VERSION='"$(VERSION)"' \
             $(patsubst -I%,-isystem %,$(shell pkg-config --cflags glib-2.0 xlsxwriter \
                          pangocairo pangofc fontconfig libcmark harfbuzz-subset hunspell \
                          $(PHOTO_PKGS)))
ETL_LIBS   = $(shell pkg-config --libs glib-2.0 libcrypto libxxhash) -lcsv -lm -pthread
XLSX_LIBS  = $(shell pkg-config --libs xlsxwriter)
PDF_LIBS   = $(shell pkg-config --libs pangocairo pangofc fontconfig libcmark libqpdf \
                                    $(PHOTO_PKGS)) -lhyphen -lstdc++
HTML_LIBS  = $(shell pkg-config --libs harfbuzz-subset)
# what the edition's model needs without drawing (carnet init): Markdown,
# hyphenation, the photos' headers
MODEL_LIBS = $(shell pkg-config --libs libcmark $(PROBE_PKGS)) -lhyphen
TEST_LIBS  = $(shell pkg-config --libs check)

ETL_SRC  := $(filter-out etl/figures_main.c,$(wildcard etl/*.c))
ETL_OBJ  := $(ETL_SRC:%.c=$(BUILD)/obj/%.o)
# render/ holds what the renderers share; each output has its folder.
# model/ is what an edition is (layout, texts, figures read back, chart
# data, photos' headers), drawn by nothing: carnet init reads it alone.
MODEL_SRC := $(wildcard model/*.c)
MODEL_OBJ := $(MODEL_SRC:%.c=$(BUILD)/obj/%.o)
RENDER_SRC := $(wildcard render/*.c)
RENDER_OBJ := $(RENDER_SRC:%.c=$(BUILD)/obj/%.o)
# render/pdf/*.cc are C++: libqpdf's content-stream token filters and object model
PDF_SRC  := $(filter-out render/pdf/pdf_main.c,$(wildcard render/pdf/*.c))
PDF_CC   := $(wildcard render/pdf/*.cc)
PDF_OBJ  := $(PDF_SRC:%.c=$(BUILD)/obj/%.o) $(PDF_CC:%.cc=$(BUILD)/obj/%.o)
HTML_SRC := $(filter-out render/html/html_main.c,$(wildcard render/html/*.c))
HTML_OBJ := $(HTML_SRC:%.c=$(BUILD)/obj/%.o)
XLSX_SRC := $(filter-out render/xlsx/xlsx_main.c,$(wildcard render/xlsx/*.c))
XLSX_OBJ := $(XLSX_SRC:%.c=$(BUILD)/obj/%.o)
TEST_SRC := $(wildcard tests/unit/*.c)
TEST_OBJ := $(TEST_SRC:%.c=$(BUILD)/obj/%.o)
BIN      := $(BUILD)/bin
PROGRAMS := $(BIN)/carnet $(BIN)/carnet-figures $(BIN)/carnet-xlsx $(BIN)/carnet-pdf \
            $(BIN)/carnet-html $(BIN)/carnet-editions $(BIN)/carnet-init
# the French catalogue of the messages, where the programs look for it
# (etl/i18n.h): BIN/../share/locale
CATALOGUE := $(BUILD)/share/locale/fr/LC_MESSAGES/carnet.mo
POT      := $(BUILD)/po/carnet.pot
# xgettext's keywords: _ and N_, the functions that take a message's
# format (diag.h, export.h, the readers' and photos' helpers) and
# i18n_fr(); the words such functions are given are marked N_()
XGETTEXT_KEYWORDS := -k_ -kN_ -kngettext:1,2 -ki18n_fr -kdiag_add:6 -kdiag_warn_kind:7 \
        -kexp_reject:4 -kexp_warn:3 -kexp_warn_row:3 -kerror_at:4 -kstop_at:4 -kphoto_fail:2
I18N_SRC := $(sort $(wildcard etl/*.c model/*.c render/*.c render/*/*.c render/pdf/*.cc init/*.c tools/*.c))
INIT_SRC := $(filter-out init/init_main.c,$(wildcard init/*.c))
INIT_OBJ := $(INIT_SRC:%.c=$(BUILD)/obj/%.o)

MAKEFLAGS += --no-print-directory
.DEFAULT_GOAL := all
.PHONY: po all report workbooks check valgrind fuzz bench golden-update clean programs \
        report-run workbooks-run check-run valgrind-run fuzz-run bench-run

# ---- public targets -------------------------------------------------------

DEPS = build/.deps-$(1)

build/.deps-%: tools/deps.sh tests/web/package-lock.json
	@tools/deps.sh $*
	@mkdir -p $(@D) && touch $@

# `make`, `make report`, `make workbooks`: the build's packages as an
# included makefile, which make remakes (running tools/deps.sh) when it is
# missing or older than the script, and then restarts itself, so that
# pkg-config is asked once the libraries are there; when it is up to date
# nothing runs, and the report is one make process.
ifneq ($(filter all report workbooks programs,$(or $(MAKECMDGOALS),all)),)
include build/.deps-build.mk
endif

build/.deps-build.mk: tools/deps.sh
	@tools/deps.sh build
	@mkdir -p $(@D) && echo "# tools/deps.sh build has run" >$@

all: programs

report: report-run

workbooks: workbooks-run

# fontconfig and libhyphen keep caches they never free: tests/lsan.supp
# names them, and only them, for LeakSanitizer.  The ETL's two readers
# run once more under ThreadSanitizer (build/tsan; GLib's slice allocator
# off, its futexes being out of the sanitizer's sight).
check: $(call DEPS,check)
	@LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	    $(MAKE) BUILD=build/check SAN=1 CFLAGS="-O1 -g" check-run

valgrind: $(call DEPS,valgrind)
	@$(MAKE) BUILD=build/valgrind CFLAGS="-O1 -g" valgrind-run

# make fuzz FUZZ_SECONDS=N: each harness of tests/fuzz runs N seconds,
# two at a time; what it finds lands in build/fuzz/artifacts/.
FUZZ_SECONDS ?= 60
fuzz: $(call DEPS,fuzz)
	@$(MAKE) -j2 fuzz-run

# Optimised build of its own, so that the numbers are not the sanitizers'.
bench: $(call DEPS,bench)
	@$(MAKE) BUILD=build/bench CFLAGS="-O2 -g" bench-run

# The reference page images of tests/pdf.sh, redone from the current
# carnet: read `git diff --stat tests/golden` and the pages before you
# commit them.
golden-update: report
	rm -rf tests/golden/pages && mkdir -p tests/golden/pages
	pdftoppm -r 20 -gray -png $(PDF) tests/golden/pages/page

clean:
	rm -rf build out

# ---- programs -------------------------------------------------------------

programs: $(PROGRAMS) $(CATALOGUE)

$(CATALOGUE): po/fr.po
	@mkdir -p $(@D)
	msgfmt --check -o $@.tmp $< && mv $@.tmp $@

# the messages of the code, for po/fr.po (`make po` merges them in)
$(POT): $(I18N_SRC)
	@mkdir -p $(@D)
	LC_ALL=C.UTF-8 xgettext --from-code=UTF-8 --language=C++ $(XGETTEXT_KEYWORDS) \
		--sort-by-file --no-location -o $@.tmp $(I18N_SRC) && mv $@.tmp $@

po: $(POT)
	msgmerge --quiet --update --backup=none --no-location po/fr.po $(POT)
	msgattrib --no-obsolete --no-location -o po/fr.po po/fr.po
	@msgfmt --check --statistics -o /dev/null po/fr.po

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

ALL_CXXFLAGS = -std=c++17 -Wall -Wextra $(CXXFLAGS) $(SANITIZE) \
               $(patsubst -I%,-isystem %,$(shell pkg-config --cflags glib-2.0 libqpdf))
$(BUILD)/obj/%.o: %.cc
	@mkdir -p $(@D)
	$(CXX) $(ALL_CXXFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/libetl.a: $(ETL_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

# the front command: stages run by name; carnet build stages, checks and
# puts in place its outputs (etl/infile.c, render/folder.c: GLib only)
$(BIN)/carnet: $(BUILD)/obj/tools/carnet.o $(BUILD)/obj/tools/stages.o $(BUILD)/obj/tools/build.o \
               $(BUILD)/obj/etl/infile.o $(BUILD)/obj/etl/i18n.o $(BUILD)/obj/etl/status.o \
               $(BUILD)/obj/etl/folder.o
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SANITIZE) -o $@ $^ $(shell pkg-config --libs glib-2.0)

$(BIN)/carnet-figures: $(BUILD)/obj/etl/figures_main.o $(BUILD)/libetl.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SANITIZE) -o $@ $^ $(ETL_LIBS)

$(BUILD)/libmodel.a: $(MODEL_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/librender.a: $(RENDER_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/libpdf.a: $(PDF_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/libhtml.a: $(HTML_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/libxlsx.a: $(XLSX_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BIN)/carnet-xlsx: $(BUILD)/obj/render/xlsx/xlsx_main.o $(BUILD)/libxlsx.a $(BUILD)/librender.a $(BUILD)/libmodel.a $(BUILD)/libetl.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SANITIZE) -o $@ $^ $(XLSX_LIBS) $(ETL_LIBS)

$(BIN)/carnet-init: $(BUILD)/obj/init/init_main.o $(INIT_OBJ) $(BUILD)/libmodel.a $(BUILD)/libetl.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SANITIZE) -o $@ $^ $(MODEL_LIBS) $(ETL_LIBS) $(shell pkg-config --libs hunspell)

$(BIN)/carnet-pdf: $(BUILD)/obj/render/pdf/pdf_main.o $(BUILD)/libpdf.a $(BUILD)/librender.a $(BUILD)/libmodel.a $(BUILD)/libetl.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SANITIZE) -o $@ $^ $(PDF_LIBS) $(ETL_LIBS)

$(BIN)/carnet-html: $(BUILD)/obj/render/html/html_main.o $(BUILD)/libhtml.a $(BUILD)/librender.a $(BUILD)/libmodel.a $(BUILD)/libetl.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SANITIZE) -o $@ $^ $(HTML_LIBS) $(PDF_LIBS) $(ETL_LIBS)

$(BIN)/carnet-editions: $(BUILD)/obj/render/editions/editions_main.o $(BUILD)/libpdf.a $(BUILD)/libhtml.a \
                        $(BUILD)/librender.a $(BUILD)/libmodel.a $(BUILD)/libetl.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SANITIZE) -o $@ $^ $(HTML_LIBS) $(PDF_LIBS) $(ETL_LIBS)

# ---- the report -----------------------------------------------------------
#
# Each stage's outputs depend on its inputs, so that make redoes only what
# changed.  The figures table for people goes to $(OUT); the same table
# with provenance, and the data-quality report, go to $(STAGE) for the
# renderers.

STAGE   ?= $(BUILD)/report/$(YEAR)
EXPORTS := $(wildcard $(IN)/*.csv)
LAYOUT  ?= layouts/$(YEAR)
# Every output is made in $(STAGE) and put in $(OUT) only once every stage
# has succeeded (tools/publish.sh), so that a failed stage leaves the last
# report whole; $(STAGE) keeps them, so that make redoes only what changed.
FIGURES := $(STAGE)/figures-$(YEAR).tsv
STAGED  := $(STAGE)/figures.tsv $(STAGE)/quality.tsv $(STAGE)/hr-detail.tsv $(STAGE)/labels.tsv
WORKBOOKS := $(STAGE)/carnet-$(YEAR).xlsx $(STAGE)/effectifs-$(YEAR).xlsx
PDF     := $(STAGE)/carnet-$(YEAR).pdf
PRINT   := $(STAGE)/carnet-$(YEAR)-impression.pdf
WEB     := $(STAGE)/web
PHOTOS  ?= $(BUILD)/photos
# The layout's files and the fonts, as one stamp: their names, sizes and
# times, rewritten only when that list changes (below).  A file name may
# hold spaces or parentheses ("Photo résidence (2).JPG"), which make cannot
# take as a prerequisite.
LAYOUT_STAMP := $(STAGE)/layout-files
# The workbooks read only the layout's settings (edition.ini and its CSV
# files), not its texts or photos: a text edit does not redo them.
LAYOUT_SETTINGS := $(STAGE)/layout-settings

# DRAFT=1: a draft (n.d. for an absent figure, PROJET on every page).
# PREVIOUS=FILE: last edition's figures table, for the Y-1 values; found by
# itself beside $(OUT) (out/2022/figures-2022.tsv for out/2023).  The
# options of the last run are kept in $(STAGE)/options, rewritten only when
# they change, so that changing one rebuilds what it touches.
DRAFT   ?=
STAGE_OPTIONS := $(STAGE)/options
PREV_YEAR := $(shell echo $$(($(YEAR) - 1)))
PREVIOUS ?= $(wildcard $(dir $(OUT:/=))$(PREV_YEAR)/figures-$(PREV_YEAR).tsv)
OPTIONS := draft=$(DRAFT) previous=$(PREVIOUS)

# Remade on every run, but rewritten only when the options changed: make
# looks at its time again afterwards, so unchanged options rebuild nothing.
$(STAGE_OPTIONS): FORCE
	@mkdir -p $(@D)
	@[ "$$(cat $@ 2>/dev/null)" = "$(OPTIONS)" ] || echo "$(OPTIONS)" >$@

$(LAYOUT_STAMP): FORCE
	@mkdir -p $(@D)
	@find "$(LAYOUT)" fonts -type f -printf '%p %s %T@\n' | LC_ALL=C sort >$@.new; \
	 if cmp -s $@.new $@; then rm $@.new; else mv $@.new $@; fi

$(LAYOUT_SETTINGS): FORCE
	@mkdir -p $(@D)
	@find "$(LAYOUT)" -maxdepth 1 -type f -printf '%p %s %T@\n' | LC_ALL=C sort >$@.new; \
	 if cmp -s $@.new $@; then rm $@.new; else mv $@.new $@; fi

FORCE:
.PHONY: FORCE
DRAFT_FLAG := $(if $(DRAFT),--draft)

$(FIGURES) $(STAGED) &: $(EXPORTS) $(PREVIOUS) $(STAGE_OPTIONS) $(BIN)/carnet-figures
	@mkdir -p $(STAGE)
	$(BIN)/carnet figures --in $(IN) --year $(YEAR) --verbose -o $(FIGURES) \
	    --provenance $(STAGE)/figures.tsv --quality $(STAGE)/quality.tsv \
	    --hr-detail $(STAGE)/hr-detail.tsv --labels $(STAGE)/labels.tsv \
	    $(if $(PREVIOUS),--previous $(PREVIOUS))

$(WORKBOOKS) &: $(STAGED) $(LAYOUT_SETTINGS) $(STAGE_OPTIONS) $(BIN)/carnet-xlsx
	$(BIN)/carnet xlsx --layout $(LAYOUT) --figures $(STAGE)/figures.tsv \
	    --quality $(STAGE)/quality.tsv --hr-detail $(STAGE)/hr-detail.tsv \
	    --labels $(STAGE)/labels.tsv --out $(STAGE) $(DRAFT_FLAG)

# The screen and the print editions, and the web edition (a folder, remade
# whole: its new one put in the old one's place; its index stands for it),
# in one process (carnet editions): the edition opened once, each photo
# decoded once for the three.  Resampled photos are kept in $(PHOTOS), so
# that a text edit redoes the pages, not the photos.
$(PDF) $(PRINT) $(WEB)/index.html &: $(STAGE)/figures.tsv $(STAGE)/labels.tsv $(LAYOUT_STAMP) $(STAGE_OPTIONS) $(BIN)/carnet-editions
	$(BIN)/carnet editions --layout $(LAYOUT) --figures $(STAGE)/figures.tsv \
	    --labels $(STAGE)/labels.tsv --fonts fonts --cache $(PHOTOS) $(DRAFT_FLAG) \
	    --screen $(PDF) --print $(PRINT) --web $(WEB)

workbooks-run: programs $(FIGURES) $(WORKBOOKS)
	@tools/publish.sh $(OUT) $(FIGURES) $(WORKBOOKS)

report-run: programs $(FIGURES) $(WORKBOOKS) $(PDF) $(PRINT) $(WEB)/index.html
	@tools/publish.sh $(OUT) $(FIGURES) $(WORKBOOKS) $(PDF) $(PRINT) $(WEB)
	@echo "carnet: the $(YEAR) report is ready in $(OUT): figures, workbooks, carnet-$(YEAR).pdf (screen), carnet-$(YEAR)-impression.pdf (print) and web/ (the web edition)"

# ---- bench -----------------------------------------------------------------
#
# The 2023 exports N times over (fixtures/scale.c), for each N of
# BENCH_SCALES, then bench/bench.py runs and times the stages.

BENCH_SCALES ?= 1 10 100 1000
BENCH_RUNS   ?= 5
export BENCH_SCALES BENCH_RUNS

$(BUILD)/bin/scale: fixtures/scale.c
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) -o $@ $<

$(BUILD)/scaled/x%/.done: $(BUILD)/bin/scale $(wildcard fixtures/2023/*.csv)
	@mkdir -p $(@D)
	$(BUILD)/bin/scale $* fixtures/2023 $(@D)
	@touch $@

bench-run: programs $(BENCH_SCALES:%=$(BUILD)/scaled/x%/.done)
	bench/bench.py $(BUILD)

# ---- fuzzing ----------------------------------------------------------------

FUZZERS   := reader sources fields layout texts html photos
FUZZ_LIBS  = $(XLSX_LIBS) $(HTML_LIBS) $(PDF_LIBS) $(ETL_LIBS)
FUZZ_DEPS := tests/fuzz/fuzz_file.c $(ETL_SRC) $(MODEL_SRC) $(RENDER_SRC) $(HTML_SRC)

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_DEPS) tests/fuzz/fuzz.h
	@mkdir -p $(@D)
	clang $(WARN) -g -O1 -fsanitize=fuzzer,address,undefined \
	    -fno-sanitize-recover=undefined \
	    $(shell pkg-config --cflags glib-2.0 xlsxwriter pangocairo pangofc fontconfig libcmark \
	                                harfbuzz-subset $(PHOTO_PKGS)) \
	    -o $@ $< $(FUZZ_DEPS) $(FUZZ_LIBS)

# Seeds: the fixtures, the test files, and the 2023 layout (folders, kept).
.PRECIOUS: build/fuzz/seeds/% build/fuzz/fuzz_%
build/fuzz/seeds/%: tests/fuzz/seeds.sh
	tests/fuzz/seeds.sh $* $@

fuzz-run: $(FUZZERS:%=fuzz-run-%)

fuzz-run-%: build/fuzz/fuzz_% build/fuzz/seeds/%
	@mkdir -p build/fuzz/corpus/$* build/fuzz/artifacts/$*
	@echo "fuzz $*: $(FUZZ_SECONDS) s, log in build/fuzz/$*.log"
	@LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	build/fuzz/fuzz_$* -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	    -artifact_prefix=build/fuzz/artifacts/$*/ build/fuzz/corpus/$* \
	    build/fuzz/seeds/$* >build/fuzz/$*.log 2>&1; status=$$?; \
	grep -E '^#[0-9]+ +DONE|^Done|SUMMARY|Test unit written' build/fuzz/$*.log \
	    | sed 's/^/fuzz $*: /'; exit $$status

# Every input a fuzzer found a fault with is kept in tests/fuzz/regressions
# and replayed by make check, with the sanitizers, without libFuzzer.
$(BUILD)/fuzz/replay_%: tests/fuzz/replay.c tests/fuzz/fuzz_%.c $(BUILD)/obj/tests/fuzz/fuzz_file.o \
                        $(BUILD)/libhtml.a $(BUILD)/librender.a $(BUILD)/libmodel.a $(BUILD)/libetl.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(FUZZ_LIBS)

fuzz-replay: $(FUZZERS:%=$(BUILD)/fuzz/replay_%)
	@for f in $(FUZZERS); do \
	    set -- tests/fuzz/regressions/$$f/*; [ -e "$$1" ] || continue; \
	    $(BUILD)/fuzz/replay_$$f "$$@" || exit 1; \
	done

# ---- tests ----------------------------------------------------------------

$(BUILD)/tests/unit: $(TEST_OBJ) $(BUILD)/libpdf.a $(BUILD)/libxlsx.a $(BUILD)/librender.a $(BUILD)/libmodel.a $(BUILD)/libetl.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SANITIZE) -o $@ $^ $(TEST_LIBS) $(XLSX_LIBS) $(PDF_LIBS) $(ETL_LIBS)

check-run: programs $(BUILD)/tests/unit fuzz-replay $(POT)
	cd tests && ../$(BUILD)/tests/unit
	tests/shape.sh $(BUILD)/obj
	tests/i18n.sh $(BIN) $(POT)
	tests/stage.sh $(BIN)
	tests/numbers.sh $(BIN)
	tests/workbooks.sh $(BIN)
	tests/bad.sh $(BIN)
	tests/memory.sh $(BIN)
	tests/atomic.sh $(BIN)
	tests/pdf.sh $(BIN)
	tests/photos.sh $(BIN)
	tests/init.sh $(BIN)
	tests/web.sh $(BIN)
	@$(MAKE) BUILD=build/tsan SAN= CFLAGS="-O1 -g -fsanitize=thread" build/tsan/bin/carnet-figures \
	    build/tsan/share/locale/fr/LC_MESSAGES/carnet.mo
	@rm -rf build/tsan/out && mkdir -p build/tsan/out
	G_SLICE=always-malloc TSAN_OPTIONS="halt_on_error=1 log_path=build/tsan/out/race" \
	    build/tsan/bin/carnet-figures --in fixtures/2023 --year 2023 \
	    -o build/tsan/out/figures.tsv --provenance build/tsan/out/provenance.tsv \
	    --quality build/tsan/out/quality.tsv --hr-detail build/tsan/out/hr-detail.tsv \
	    --labels build/tsan/out/labels.tsv 2>/dev/null \
	    || { cat build/tsan/out/race.* 2>/dev/null; exit 1; }
	G_SLICE=always-malloc TSAN_OPTIONS="halt_on_error=1 log_path=build/tsan/out/race" \
	    build/tsan/bin/carnet-figures --in fixtures/2023 --year 2023 --memory 16k \
	    -o build/tsan/out/figures-spilled.tsv 2>/dev/null \
	    || { cat build/tsan/out/race.* 2>/dev/null; exit 1; }
	cmp build/tsan/out/figures.tsv build/tsan/out/figures-spilled.tsv
	@echo "tsan: the ETL's two readers, in memory and spilled, no data race"

valgrind-run: programs $(BUILD)/tests/unit
	cd tests && CK_FORK=no ./valgrind.sh ../$(BUILD)/valgrind-logs unit ../$(BUILD)/tests/unit
	tests/valgrind.sh $(BUILD)/valgrind-logs figures \
	    $(BIN)/carnet-figures --in $(IN) --year $(YEAR) --verbose \
	    -o $(BUILD)/figures.tsv --provenance $(BUILD)/provenance.tsv \
	    --quality $(BUILD)/quality.tsv --hr-detail $(BUILD)/hr-detail.tsv
	tests/valgrind.sh $(BUILD)/valgrind-logs figures-spilled \
	    $(BIN)/carnet-figures --in $(IN) --year $(YEAR) --memory 16k \
	    -o $(BUILD)/figures-spilled.tsv --quality $(BUILD)/quality-spilled.tsv
	cmp $(BUILD)/figures.tsv $(BUILD)/figures-spilled.tsv
	tests/valgrind.sh $(BUILD)/valgrind-logs xlsx \
	    $(BIN)/carnet-xlsx --layout $(LAYOUT) --figures $(BUILD)/provenance.tsv \
	    --quality $(BUILD)/quality.tsv --hr-detail $(BUILD)/hr-detail.tsv \
	    --out $(BUILD)
	tests/valgrind.sh $(BUILD)/valgrind-logs editions \
	    $(BIN)/carnet-editions --layout $(LAYOUT) --figures $(BUILD)/provenance.tsv \
	    --fonts fonts --cache $(BUILD)/valgrind-photos --screen $(BUILD)/carnet.pdf \
	    --print $(BUILD)/carnet-impression.pdf --web $(BUILD)/web

-include $(ETL_OBJ:.o=.d) $(MODEL_OBJ:.o=.d) $(RENDER_OBJ:.o=.d) $(PDF_OBJ:.o=.d) $(XLSX_OBJ:.o=.d) \
         $(TEST_OBJ:.o=.d) \
         $(BUILD)/obj/etl/figures_main.d $(BUILD)/obj/render/xlsx/xlsx_main.d \
         $(BUILD)/obj/render/pdf/pdf_main.d $(BUILD)/obj/init/init_main.d $(INIT_OBJ:.o=.d) \
         $(HTML_OBJ:.o=.d) $(BUILD)/obj/render/html/html_main.d $(BUILD)/obj/render/editions/editions_main.d \
         $(BUILD)/obj/tools/carnet.d
