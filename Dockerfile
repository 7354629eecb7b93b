# The mnas executable in two images, built with the same script as a fresh machine: each build stage runs
# `scripts/bootstrap.sh image /opt/mnas` (the packages building needs, the dashboard's library, the native shim, the
# restore, then mnas published self-contained with the proxy datasets) and each final stage `scripts/bootstrap.sh
# runtime` (only what the program loads). Nothing else installs anything (tests/Mnas.Deploy.Tests checks it).
#   docker build --target cpu -t mnas:0.1.0 .       every role: api, controller, worker, migrate (the chart's `image`)
#   docker build --target gpu -t mnas-gpu:0.1.0 .   workers with the CUDA libtorch on a CUDA base (the chart's `gpuImage`)
# Both run as the non-root user 10001, which the chart's securityContext also names.

ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG BASE_IMAGE=debian:bookworm-slim
ARG CUDA_BUILD_IMAGE=nvidia/cuda:11.7.1-cudnn8-devel-ubuntu22.04
ARG CUDA_RUNTIME_IMAGE=nvidia/cuda:11.7.1-base-ubuntu22.04

# The .NET SDK, copied into the build stages (the bootstrap expects dotnet on PATH, as on a fresh machine).
FROM ${SDK_IMAGE} AS dotnet-sdk

FROM ${BASE_IMAGE} AS cpu-build
COPY --from=dotnet-sdk /usr/share/dotnet /usr/share/dotnet
ENV PATH=/usr/share/dotnet:$PATH \
    DOTNET_ROOT=/usr/share/dotnet \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
WORKDIR /src
COPY . .
RUN scripts/bootstrap.sh image /opt/mnas

FROM ${BASE_IMAGE} AS cpu
COPY scripts/bootstrap.sh /opt/mnas-bootstrap/scripts/bootstrap.sh
RUN /opt/mnas-bootstrap/scripts/bootstrap.sh runtime && rm -rf /opt/mnas-bootstrap /var/lib/apt/lists/*
COPY --from=cpu-build /opt/mnas /opt/mnas
RUN useradd --uid 10001 --user-group --no-create-home --home-dir /tmp mnas
ENV PATH=/opt/mnas:$PATH \
    MNAS_DATA=/opt/mnas/datasets \
    DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 \
    HOME=/tmp
WORKDIR /data
USER 10001:10001
ENTRYPOINT ["/opt/mnas/mnas"]
CMD ["api"]

FROM ${CUDA_BUILD_IMAGE} AS gpu-build
# The archive's digest, to pin the CUDA libtorch (scripts/libtorch-cuda.sh).
ARG MNAS_LIBTORCH_CUDA_SHA256=
COPY --from=dotnet-sdk /usr/share/dotnet /usr/share/dotnet
ENV PATH=/usr/share/dotnet:$PATH \
    DOTNET_ROOT=/usr/share/dotnet \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 \
    MNAS_LIBTORCH=cuda
WORKDIR /src
COPY . .
RUN scripts/bootstrap.sh image /opt/mnas

FROM ${CUDA_RUNTIME_IMAGE} AS gpu
COPY scripts/bootstrap.sh /opt/mnas-bootstrap/scripts/bootstrap.sh
RUN MNAS_LIBTORCH=cuda /opt/mnas-bootstrap/scripts/bootstrap.sh runtime && rm -rf /opt/mnas-bootstrap /var/lib/apt/lists/*
COPY --from=gpu-build /opt/libtorch /opt/libtorch
COPY --from=gpu-build /opt/mnas /opt/mnas
RUN useradd --uid 10001 --user-group --no-create-home --home-dir /tmp mnas
ENV PATH=/opt/mnas:$PATH \
    MNAS_DATA=/opt/mnas/datasets \
    DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility \
    HOME=/tmp
WORKDIR /data
USER 10001:10001
ENTRYPOINT ["/opt/mnas/mnas"]
CMD ["worker"]
