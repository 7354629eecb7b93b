#include "mnas_torch.h"

using mnas::guard;
using mnas::optional_tensor;

namespace {
at::IntArrayRef pair(const int64_t* values) { return at::IntArrayRef(values, 2); }
}  // namespace

MNAS_API TensorHandle mnas_conv2d(TensorHandle x, TensorHandle weight, TensorHandle bias, const int64_t* stride,
                                  const int64_t* padding, const int64_t* dilation, int64_t groups) {
    return guard([&] {
        return at::conv2d(*x, *weight, optional_tensor(bias), pair(stride), pair(padding), pair(dilation), groups);
    });
}

MNAS_API TensorHandle mnas_batch_norm(TensorHandle x, TensorHandle weight, TensorHandle bias, TensorHandle running_mean,
                                      TensorHandle running_var, int training, double momentum, double eps) {
    return guard([&] {
        return at::batch_norm(*x, optional_tensor(weight), optional_tensor(bias), optional_tensor(running_mean),
                              optional_tensor(running_var), training != 0, momentum, eps, true);
    });
}

MNAS_API TensorHandle mnas_linear(TensorHandle x, TensorHandle weight, TensorHandle bias) {
    return guard([&] { return at::linear(*x, *weight, optional_tensor(bias)); });
}

MNAS_API TensorHandle mnas_max_pool2d(TensorHandle x, const int64_t* kernel, const int64_t* stride, const int64_t* padding,
                                      const int64_t* dilation, int ceil_mode) {
    return guard([&] { return at::max_pool2d(*x, pair(kernel), pair(stride), pair(padding), pair(dilation), ceil_mode != 0); });
}

MNAS_API TensorHandle mnas_avg_pool2d(TensorHandle x, const int64_t* kernel, const int64_t* stride, const int64_t* padding,
                                      int ceil_mode, int count_include_pad) {
    return guard([&] {
        return at::avg_pool2d(*x, pair(kernel), pair(stride), pair(padding), ceil_mode != 0, count_include_pad != 0);
    });
}

MNAS_API TensorHandle mnas_adaptive_avg_pool2d(TensorHandle x, const int64_t* output_size) {
    return guard([&] { return at::adaptive_avg_pool2d(*x, pair(output_size)); });
}

MNAS_API TensorHandle mnas_adaptive_max_pool2d(TensorHandle x, const int64_t* output_size) {
    return guard([&] { return std::get<0>(at::adaptive_max_pool2d(*x, pair(output_size))); });
}

MNAS_API TensorHandle mnas_dropout(TensorHandle x, double p, int training) {
    return guard([&] { return at::dropout(*x, p, training != 0); });
}

// reduction: 0 none, 1 mean, 2 sum (at::Reduction).
MNAS_API TensorHandle mnas_cross_entropy(TensorHandle logits, TensorHandle target, TensorHandle weight, int reduction,
                                         int64_t ignore_index, double label_smoothing) {
    return guard([&] {
        return at::cross_entropy_loss(*logits, *target, optional_tensor(weight), reduction, ignore_index, label_smoothing);
    });
}

MNAS_API TensorHandle mnas_nll_loss(TensorHandle log_probs, TensorHandle target, TensorHandle weight, int reduction,
                                    int64_t ignore_index) {
    return guard([&] { return at::nll_loss(*log_probs, *target, optional_tensor(weight), reduction, ignore_index); });
}

MNAS_API TensorHandle mnas_mse_loss(TensorHandle input, TensorHandle target, int reduction) {
    return guard([&] { return at::mse_loss(*input, *target, reduction); });
}
