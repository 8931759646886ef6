# The README's two commands: `make run` and `make test`.
# Each installs whatever is missing, builds into build/, then runs.

JOBS ?= $(shell nproc)
DATA ?= data
LISTEN ?= 127.0.0.1:8080
BUILD_TYPE ?= RelWithDebInfo

.PHONY: all deps build build-asan build-fuzz run test fuzz package format bench clean

all: build

deps:
	@scripts/install-deps.sh
	@scripts/web-deps.sh

build: deps
	@cmake -S . -B build -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DGUICHE_WERROR=ON >/dev/null
	@cmake --build build -j $(JOBS)

# AddressSanitizer + UndefinedBehaviorSanitizer build of the same sources and tests.
build-asan: deps
	@cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DGUICHE_SANITIZE=ON -DGUICHE_WERROR=ON >/dev/null
	@cmake --build build-asan -j $(JOBS)

# The libFuzzer targets (fuzz/): clang, ASan+UBSan, only the sources they parse with.
build-fuzz: deps
	@cmake -S fuzz -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ >/dev/null
	@cmake --build build-fuzz -j $(JOBS)

# serve migrates, and with --demo loads the demo data into an empty database.
run: build
	@build/guiche serve --listen $(LISTEN) --data $(DATA) --demo --calendar br-es

# build-fuzz's ctest runs each fuzz target for 10 s.
test: build build-asan build-fuzz
	@scripts/run-tests.sh build build-asan build-fuzz

# Each fuzz target for FUZZ_SECONDS (10 min by default), one after the other.
FUZZ_SECONDS ?= 600
fuzz: build-fuzz
	@scripts/fuzz.sh build-fuzz $(FUZZ_SECONDS)

# The Debian package (CPack, cmake/package.cmake): build/guiche_<version>_amd64.deb.
package: build
	@cd build && cpack -G DEB >/dev/null
	@ls build/guiche_*.deb

bench: build
	@scripts/bench.sh

format:
	@find src tests bench fuzz -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

clean:
	rm -rf build build-asan build-fuzz
