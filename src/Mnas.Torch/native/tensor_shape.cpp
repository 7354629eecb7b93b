#include "mnas_torch.h"

#include <vector>

using mnas::dims;
using mnas::guard;

namespace {
std::vector<at::Tensor> tensors(const TensorHandle* handles, int count) {
    std::vector<at::Tensor> result;
    result.reserve(static_cast<size_t>(count));
    for (int i = 0; i < count; i++) result.push_back(*handles[i]);
    return result;
}
}  // namespace

MNAS_API TensorHandle mnas_reshape(TensorHandle x, const int64_t* shape, int ndim) {
    return guard([&] { return x->reshape(dims(shape, ndim)); });
}

MNAS_API TensorHandle mnas_view(TensorHandle x, const int64_t* shape, int ndim) {
    return guard([&] { return x->view(dims(shape, ndim)); });
}

MNAS_API TensorHandle mnas_permute(TensorHandle x, const int64_t* order, int ndim) {
    return guard([&] { return x->permute(dims(order, ndim)); });
}

MNAS_API TensorHandle mnas_transpose(TensorHandle x, int64_t dim0, int64_t dim1) {
    return guard([&] { return x->transpose(dim0, dim1); });
}

MNAS_API TensorHandle mnas_flatten(TensorHandle x, int64_t start, int64_t end) {
    return guard([&] { return x->flatten(start, end); });
}

MNAS_API TensorHandle mnas_squeeze(TensorHandle x, int64_t dim) { return guard([&] { return x->squeeze(dim); }); }
MNAS_API TensorHandle mnas_unsqueeze(TensorHandle x, int64_t dim) { return guard([&] { return x->unsqueeze(dim); }); }

MNAS_API TensorHandle mnas_narrow(TensorHandle x, int64_t dim, int64_t start, int64_t length) {
    return guard([&] { return x->narrow(dim, start, length); });
}

MNAS_API TensorHandle mnas_slice(TensorHandle x, int64_t dim, int64_t start, int64_t end, int64_t step) {
    return guard([&] { return x->slice(dim, start, end, step); });
}

MNAS_API TensorHandle mnas_select(TensorHandle x, int64_t dim, int64_t index) {
    return guard([&] { return x->select(dim, index); });
}

MNAS_API TensorHandle mnas_expand(TensorHandle x, const int64_t* shape, int ndim) {
    return guard([&] { return x->expand(dims(shape, ndim)); });
}

MNAS_API TensorHandle mnas_cat(const TensorHandle* handles, int count, int64_t dim) {
    return guard([&] { return at::cat(tensors(handles, count), dim); });
}

MNAS_API TensorHandle mnas_stack(const TensorHandle* handles, int count, int64_t dim) {
    return guard([&] { return at::stack(tensors(handles, count), dim); });
}
