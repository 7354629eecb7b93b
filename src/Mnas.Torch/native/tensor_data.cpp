#include "mnas_torch.h"

#include <cstring>

using mnas::guard;
using mnas::guard_status;

MNAS_API int64_t mnas_dim(TensorHandle t) { return t->dim(); }
MNAS_API int64_t mnas_numel(TensorHandle t) { return t->numel(); }
MNAS_API int mnas_dtype(TensorHandle t) { return static_cast<int>(t->scalar_type()); }
MNAS_API int mnas_defined(TensorHandle t) { return t->defined() ? 1 : 0; }

MNAS_API void mnas_shape(TensorHandle t, int64_t* out) {
    auto sizes = t->sizes();
    std::copy(sizes.begin(), sizes.end(), out);
}

MNAS_API void mnas_strides(TensorHandle t, int64_t* out) {
    auto strides = t->strides();
    std::copy(strides.begin(), strides.end(), out);
}

MNAS_API int mnas_device(TensorHandle t, char* buffer, int length) {
    return guard_status([&] { snprintf(buffer, static_cast<size_t>(length), "%s", t->device().str().c_str()); });
}

// Copies the elements, in logical (row-major) order, into a caller-owned buffer.
MNAS_API int mnas_copy_to(TensorHandle t, void* destination, int64_t bytes) {
    return guard_status([&] {
        auto cpu = t->detach().to(at::kCPU).contiguous();
        auto needed = static_cast<int64_t>(cpu.numel() * cpu.element_size());
        TORCH_CHECK(bytes == needed, "destination holds ", bytes, " bytes but the tensor needs ", needed);
        if (needed > 0) std::memcpy(destination, cpu.data_ptr(), static_cast<size_t>(needed));
    });
}

MNAS_API int mnas_item_double(TensorHandle t, double* out) {
    return guard_status([&] { *out = t->item<double>(); });
}

MNAS_API int mnas_item_long(TensorHandle t, int64_t* out) {
    return guard_status([&] { *out = t->item<int64_t>(); });
}

MNAS_API TensorHandle mnas_to_device(TensorHandle t, const char* device) {
    return guard([&] { return t->to(at::Device(std::string(device))); });
}

MNAS_API TensorHandle mnas_to_dtype(TensorHandle t, int dtype) {
    return guard([&] { return t->to(static_cast<at::ScalarType>(dtype)); });
}

MNAS_API TensorHandle mnas_contiguous(TensorHandle t, int memory_format) {
    return guard([&] { return t->contiguous(static_cast<at::MemoryFormat>(memory_format)); });
}

// Re-lays the tensor out in a memory format even where contiguous() would see nothing to do:
// a [C, 1, k, k] depthwise weight counts as channels-last already, yet its NCHW strides steer
// convolutions to the slow NCHW kernels.
MNAS_API TensorHandle mnas_to_memory_format(TensorHandle t, int memory_format) {
    return guard([&] { return t->to(t->options(), false, false, static_cast<at::MemoryFormat>(memory_format)); });
}

MNAS_API int mnas_is_contiguous(TensorHandle t, int memory_format) {
    return t->is_contiguous(static_cast<at::MemoryFormat>(memory_format)) ? 1 : 0;
}

MNAS_API TensorHandle mnas_clone(TensorHandle t) { return guard([&] { return t->clone(); }); }
MNAS_API TensorHandle mnas_detach(TensorHandle t) { return guard([&] { return t->detach(); }); }
MNAS_API TensorHandle mnas_alias(TensorHandle t) { return guard([&] { return *t; }); }

// Replaces what `t` holds (as `param.data = other` does), keeping the handle and its identity.
MNAS_API int mnas_set_data(TensorHandle t, TensorHandle other) {
    return guard_status([&] { t->set_data(*other); });
}

MNAS_API int mnas_copy_(TensorHandle t, TensorHandle source) {
    return guard_status([&] {
        at::NoGradGuard no_grad;
        t->copy_(*source);
    });
}

MNAS_API int mnas_fill_(TensorHandle t, double value) {
    return guard_status([&] {
        at::NoGradGuard no_grad;
        t->fill_(value);
    });
}

MNAS_API int mnas_uniform_(TensorHandle t, double low, double high) {
    return guard_status([&] {
        at::NoGradGuard no_grad;
        t->uniform_(low, high);
    });
}

MNAS_API int mnas_normal_(TensorHandle t, double mean, double std) {
    return guard_status([&] {
        at::NoGradGuard no_grad;
        t->normal_(mean, std);
    });
}
