#include "mnas_torch.h"

using mnas::dims;
using mnas::guard;

namespace {
// ATen's factories ignore (at::full, at::randn) or reject (at::empty) requires_grad in TensorOptions,
// so it is left out here and set on the result with requires_grad_, as torch:: factories do.
at::TensorOptions options(int dtype, const char* device) {
    auto o = at::TensorOptions().dtype(static_cast<at::ScalarType>(dtype));
    return device ? o.device(at::Device(std::string(device))) : o;
}
}  // namespace

MNAS_API TensorHandle mnas_from_blob(const void* data, int dtype, const int64_t* shape, int ndim, const char* device,
                                     int requires_grad) {
    return guard([&] {
        auto cpu = at::from_blob(const_cast<void*>(data), dims(shape, ndim), at::TensorOptions().dtype(static_cast<at::ScalarType>(dtype)));
        auto owned = device ? cpu.to(at::Device(std::string(device)), false, true) : cpu.clone();
        return owned.requires_grad_(requires_grad != 0);
    });
}

MNAS_API TensorHandle mnas_empty(const int64_t* shape, int ndim, int dtype, const char* device, int requires_grad) {
    return guard([&] { return at::empty(dims(shape, ndim), options(dtype, device)).requires_grad_(requires_grad != 0); });
}

MNAS_API TensorHandle mnas_full(const int64_t* shape, int ndim, double value, int dtype, const char* device, int requires_grad) {
    return guard([&] { return at::full(dims(shape, ndim), value, options(dtype, device)).requires_grad_(requires_grad != 0); });
}

MNAS_API TensorHandle mnas_randn(const int64_t* shape, int ndim, int dtype, const char* device, int requires_grad) {
    return guard([&] { return at::randn(dims(shape, ndim), options(dtype, device)).requires_grad_(requires_grad != 0); });
}

MNAS_API TensorHandle mnas_rand(const int64_t* shape, int ndim, int dtype, const char* device, int requires_grad) {
    return guard([&] { return at::rand(dims(shape, ndim), options(dtype, device)).requires_grad_(requires_grad != 0); });
}

MNAS_API TensorHandle mnas_randint(int64_t low, int64_t high, const int64_t* shape, int ndim, const char* device) {
    return guard([&] { return at::randint(low, high, dims(shape, ndim), options(static_cast<int>(at::kLong), device)); });
}

MNAS_API TensorHandle mnas_arange(double start, double end, double step, int dtype, const char* device) {
    return guard([&] { return at::arange(start, end, step, options(dtype, device)); });
}

MNAS_API TensorHandle mnas_randperm(int64_t n, const char* device) {
    return guard([&] { return at::randperm(n, options(static_cast<int>(at::kLong), device)); });
}
