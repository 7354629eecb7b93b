# syntax=docker/dockerfile:1
# The mnas executable in two images, built with the same steps as a fresh machine: each build stage runs
# scripts/bootstrap.sh (the packages, the dashboard's library, the native shim, the restore) and then publishes
# src/Mnas.Host; nothing else installs anything (tests/Mnas.Deploy.Tests checks it).
#   docker build --target cpu -t mnas:0.1.0 .       every role: api, controller, worker (the chart's `image`)
#   docker build --target gpu -t mnas-gpu:0.1.0 .   workers on a CUDA base (the chart's `gpuImage`)
# The runtime stages keep what the bootstrap installed (libtorch and OpenBLAS are needed at run time) and drop the
# sources; they run as the non-root user 10001, which the chart's securityContext also names.

ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG CUDA_IMAGE=nvidia/cuda:12.8.1-cudnn-runtime-ubuntu24.04

# The .NET SDK, copied into the CUDA stage (the bootstrap expects dotnet on PATH, as on a fresh machine).
FROM ${SDK_IMAGE} AS dotnet-sdk

FROM ${SDK_IMAGE} AS cpu-build
WORKDIR /src
COPY . .
RUN scripts/bootstrap.sh
RUN dotnet publish src/Mnas.Host -c Release --no-restore -o /opt/mnas \
 && cp build/native/libmnas_torch.so /opt/mnas/ \
 && rm -rf /src/* /root/.nuget /root/.npm

FROM ${CUDA_IMAGE} AS gpu-build
COPY --from=dotnet-sdk /usr/share/dotnet /usr/share/dotnet
ENV DOTNET_ROOT=/usr/share/dotnet \
    PATH=/usr/share/dotnet:$PATH \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
WORKDIR /src
COPY . .
RUN scripts/bootstrap.sh
RUN dotnet publish src/Mnas.Host -c Release --no-restore -o /opt/mnas \
 && cp build/native/libmnas_torch.so /opt/mnas/ \
 && rm -rf /src/* /root/.nuget /root/.npm

FROM cpu-build AS cpu
RUN useradd --uid 10001 --user-group --no-create-home --home-dir /tmp mnas
ENV PATH=/opt/mnas:$PATH \
    MNAS_TORCH_NATIVE=/opt/mnas/libmnas_torch.so \
    HOME=/tmp \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
WORKDIR /data
USER 10001:10001
ENTRYPOINT ["/opt/mnas/mnas"]
CMD ["api"]

FROM gpu-build AS gpu
RUN useradd --uid 10001 --user-group --no-create-home --home-dir /tmp mnas
ENV PATH=/opt/mnas:$PATH \
    MNAS_TORCH_NATIVE=/opt/mnas/libmnas_torch.so \
    HOME=/tmp
WORKDIR /data
USER 10001:10001
ENTRYPOINT ["/opt/mnas/mnas"]
CMD ["worker"]
