# The two commands a user needs: `make demo` and `make test`. Each sets the machine up first.
.PHONY: demo test bootstrap bootstrap-bench native build image image-gpu image-check bench-engine bench-train bench-latency bench-orchestrator bench-cluster bench-supernet-memory bench-dnas bench-bnnas bench-fbnetv3 bench-memnas clean

DOTNET ?= dotnet

MNAS = $(DOTNET) src/Mnas.Host/bin/Release/net10.0/mnas.dll

# A real campaign on Fashion-MNIST in the embedded server; prints the dashboard's address (with an operator key) and
# runs until Ctrl+C.
demo: bootstrap
	$(DOTNET) build src/Mnas.Host -c Release --no-restore -v quiet -nologo
	$(MNAS) demo --set data_directory=.mnas

# The tests start the throwaway PostgreSQL server they need (scripts/postgres.sh); it is stopped afterwards, whatever
# the outcome.
test: bootstrap
	$(DOTNET) build Mnas.sln --no-restore
	status=0; scripts/test-summary.sh --no-build || status=$$?; \
	  scripts/postgres.sh stop >/dev/null 2>&1 || true; exit $$status

bootstrap:
	scripts/bootstrap.sh

bootstrap-bench:
	scripts/bootstrap.sh bench

native:
	cmake -S src/Mnas.Torch/native -B build/native -DCMAKE_BUILD_TYPE=Release
	cmake --build build/native -j

build: bootstrap
	$(DOTNET) build Mnas.sln --no-restore

# The images (docs/operations.md): `cpu` for every role, `gpu` for GPU workers; IMAGE_ARGS passes build arguments.
IMAGE_TAG ?= 0.1.0
image:
	docker build --target cpu -t mnas:$(IMAGE_TAG) $(IMAGE_ARGS) .

image-gpu:
	docker build --target gpu -t mnas-gpu:$(IMAGE_TAG) $(IMAGE_ARGS) .

# The cpu image run as the chart runs it (non-root, read-only root, no network): the engine, real training, the API.
image-check:
	scripts/image-check.sh mnas:$(IMAGE_TAG)

# Engine against Python PyTorch on the same child; prints name=value lines last.
bench-engine: bootstrap-bench
	$(DOTNET) run --project tests/benchmarks/Mnas.Benchmarks -c Release --no-restore -- engine

# mobilenet_v2's proxy view, one epoch on a 10k Fashion-MNIST subset: val_acc and train_img_per_s.
bench-train: bootstrap
	$(DOTNET) run --project tests/benchmarks/Mnas.Benchmarks -c Release --no-restore -- train

# Latency lookup table against measured latency over 30 random architectures: lut_spearman, lut_mape.
bench-latency: bootstrap
	$(DOTNET) run --project tests/benchmarks/Mnas.Benchmarks -c Release --no-restore -- latency

# The campaign runtime with a sleep-only trainer (8 worker slots in one embedded silo, 2 s children), run twice in one
# process, the steady second run printed last: utilisation, gaps, controller update time.
bench-orchestrator: bootstrap
	$(DOTNET) run --project tests/benchmarks/Mnas.Benchmarks -c Release --no-restore -- orchestrator

# The same as a cluster on PostgreSQL membership: a controller silo in the benchmark's process with 1, 2, 4, 8 and 16
# `mnas worker` processes (built with the benchmark): scaling efficiency, gaps, utilisation; then failover times of a
# killed worker and of a killed `mnas controller`. The benchmark starts the throwaway PostgreSQL server
# (scripts/postgres.sh) and works in a database of its own; the server is stopped afterwards.
bench-cluster: bootstrap
	status=0; $(DOTNET) run --project tests/benchmarks/Mnas.Benchmarks -c Release --no-restore -- cluster || status=$$?; \
	  scripts/postgres.sh stop >/dev/null 2>&1 || true; exit $$status

# How a supernet step's memory grows with the number of channel choices: FBNetV2's masking against a convolution per
# width (each configuration in a process of its own).
bench-supernet-memory: bootstrap
	$(DOTNET) run --project tests/benchmarks/Mnas.Benchmarks -c Release --no-restore -- supernet-memory

# FBNet's and FBNetV2's searches on Fashion-MNIST against mobilenet_v2 (same recipe, same device) and against an RL
# campaign given the fbnet campaign's wall time.
bench-dnas: bootstrap
	$(DOTNET) run --project tests/benchmarks/Mnas.Benchmarks -c Release --no-restore -- dnas

# BN-NAS against SPOS on Fashion-MNIST: the BN-only and the full single-path supernet timed on the same space and data,
# 20 random subnets scored by the BN indicator and by inherited-weight accuracy and trained from scratch (Kendall's tau),
# and the evolution's subnet within a latency limit against the best random one.
bench-bnnas: bootstrap
	$(DOTNET) run --project tests/benchmarks/Mnas.Benchmarks -c Release --no-restore -- bnnas

# FBNetV3 on Fashion-MNIST: its predictor's rank correlation on held-out trained children (with and without pretraining
# on free labels), the searched recipe against the default one on mobilenet_v2, and the best child against an RL campaign
# that trains as many children. Sized for two cores (2,000 images, 2 epochs, 3 rounds of 6 and 3 final children: about 21
# minutes); another size: dotnet run --project tests/benchmarks/Mnas.Benchmarks -c Release -- fbnetv3 SUBSET EPOCHS ROUNDS PER_ROUND.
bench-fbnetv3: bootstrap
	$(DOTNET) run --project tests/benchmarks/Mnas.Benchmarks -c Release --no-restore -- fbnetv3

# MemNAS on Fashion-MNIST: grown and trimmed from mobilenet_v2 (trained as its first child, by the same recipe), the least
# memory within one point of mobilenet_v2's accuracy, and the ranking controller's held-out Kendall τ against the absolute
# predictor's. Sized for two cores (4,000 images, 2 epochs, 10 rounds of 4 children: about half an hour); another size:
# dotnet run --project tests/benchmarks/Mnas.Benchmarks -c Release -- memnas SUBSET EPOCHS ROUNDS TOP_K.
bench-memnas: bootstrap
	$(DOTNET) run --project tests/benchmarks/Mnas.Benchmarks -c Release --no-restore -- memnas

clean:
	rm -rf build
	$(DOTNET) clean Mnas.sln --verbosity quiet
