# Every test: Rust (unit, integration, doc, the C programs through tests/c_api.rs), then Python.
.PHONY: test rust-test python-test

test: rust-test python-test

rust-test:
	cargo build --lib
	cargo test

python-test:
	@if [ -d python/tests ]; then python3 -m unittest discover -s python/tests -t python -v; \
	else echo "python/tests not present: no Python tests"; fi
