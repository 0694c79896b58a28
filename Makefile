# claimwatch — the two commands are `make run` and `make test`.

SWIFT       ?= swift
STATE       ?= $(CURDIR)/var
APT_PACKAGES = libinotifytools0-dev libsqlite3-dev pkg-config systemd
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

SOAK_MINUTES ?= 30
FUZZ_SECONDS ?= 600
FUZZ_JOBS    ?= 1

.PHONY: run test deps build release man bench soak faults fuzz check-warnings clean help

help:
	@echo "make run    set up, build in release mode, run claimwatchd on ./var (drop files into ./var/inbox)"
	@echo "make test   set up and run the test suite"
	@echo "make bench  build in release mode and print the benchmark figures"
	@echo "make man    man pages for claimwatch and claimwatchd in .build/man (a release build)"
	@echo "make soak   $(SOAK_MINUTES) minutes at 50 files/s: RSS and drop-to-log latency per 5 minutes (SOAK_MINUTES=…)"
	@echo "make faults burst of 50,000 files, 20 kill -9 restarts, a full disk, hostile files"
	@echo "make fuzz   each libFuzzer target for $(FUZZ_SECONDS) s (FUZZ_SECONDS=…, FUZZ_JOBS=…)"

# Installs the Debian packages the build links against, only when one is missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

run: release
	@mkdir -p "$(STATE)/inbox"
	@echo "claimwatchd: drop articles into $(STATE)/inbox; in another terminal: .build/release/claimwatch tail -f"
	.build/release/claimwatchd --state "$(STATE)"

# Builds everything first so warnings in our own code fail the run (zero warnings is the
# rule), then runs the tests, which drive the built executables.
test: deps
	@status=0; $(SWIFT) build --build-tests > .build-output.txt 2>&1 || status=$$?; \
	cat .build-output.txt; \
	if [ $$status -ne 0 ]; then rm -f .build-output.txt; exit $$status; fi; \
	if grep -E '^/.*/(Sources|Tests)/.*: warning:' .build-output.txt; then \
		echo "error: the build has warnings (see above)"; rm -f .build-output.txt; exit 1; fi; \
	rm -f .build-output.txt
	$(SWIFT) test --skip-build

# Man pages, from the executables' own help, by swift-argument-parser's manual generator
# (its GenerateManual plugin builds every product in release mode first). README's
# install steps copy them to /usr/local/share/man/man1.
MAN_OUT = .build/plugins/GenerateManual/outputs
man: deps
	$(SWIFT) package plugin generate-manual
	@mkdir -p .build/man
	cp $(MAN_OUT)/claimwatch/claimwatch.1 $(MAN_OUT)/claimwatchd/claimwatchd.1 .build/man/
	@echo "man pages: .build/man/claimwatch.1 .build/man/claimwatchd.1"

bench: release
	.build/release/claimwatch-bench log

# The long proofs (see "Performance and reliability" in the README); `make test` runs a
# short version of each. They drive the release executables and print their figures.
soak: release
	python3 scripts/soak.py --minutes $(SOAK_MINUTES)

faults: release
	python3 scripts/faults.py

fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_JOBS=$(FUZZ_JOBS) scripts/fuzz.sh

clean:
	rm -rf .build fuzz/.build fuzz-out
