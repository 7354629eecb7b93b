#include "mnas_torch.h"

#include <memory>
#include <vector>

using mnas::guard_status;

using OptimizerHandle = torch::optim::Optimizer*;

namespace {
std::vector<at::Tensor> parameters(const TensorHandle* handles, int count) {
    std::vector<at::Tensor> result;
    for (int i = 0; i < count; i++) result.push_back(*handles[i]);
    return result;
}

template <typename F>
OptimizerHandle guard_optimizer(F&& body) {
    try {
        return body();
    } catch (const c10::Error& e) {
        mnas::set_error(e.what_without_backtrace());
    } catch (const std::exception& e) {
        mnas::set_error(e.what());
    }
    return nullptr;
}
}  // namespace

MNAS_API OptimizerHandle mnas_sgd_new(const TensorHandle* params, int count, double lr, double momentum, double dampening,
                                      double weight_decay, int nesterov) {
    return guard_optimizer([&]() -> OptimizerHandle {
        auto options = torch::optim::SGDOptions(lr).momentum(momentum).dampening(dampening).weight_decay(weight_decay).nesterov(
            nesterov != 0);
        return new torch::optim::SGD(parameters(params, count), options);
    });
}

MNAS_API OptimizerHandle mnas_adam_new(const TensorHandle* params, int count, double lr, double beta1, double beta2, double eps,
                                       double weight_decay, int amsgrad) {
    return guard_optimizer([&]() -> OptimizerHandle {
        auto options = torch::optim::AdamOptions(lr).betas({beta1, beta2}).eps(eps).weight_decay(weight_decay).amsgrad(amsgrad != 0);
        return new torch::optim::Adam(parameters(params, count), options);
    });
}

MNAS_API OptimizerHandle mnas_adamw_new(const TensorHandle* params, int count, double lr, double beta1, double beta2, double eps,
                                        double weight_decay, int amsgrad) {
    return guard_optimizer([&]() -> OptimizerHandle {
        auto options = torch::optim::AdamWOptions(lr).betas({beta1, beta2}).eps(eps).weight_decay(weight_decay).amsgrad(amsgrad != 0);
        return new torch::optim::AdamW(parameters(params, count), options);
    });
}

MNAS_API OptimizerHandle mnas_rmsprop_new(const TensorHandle* params, int count, double lr, double alpha, double eps, double weight_decay,
                                          double momentum, int centered) {
    return guard_optimizer([&]() -> OptimizerHandle {
        auto options =
            torch::optim::RMSpropOptions(lr).alpha(alpha).eps(eps).weight_decay(weight_decay).momentum(momentum).centered(centered != 0);
        return new torch::optim::RMSprop(parameters(params, count), options);
    });
}

MNAS_API void mnas_optimizer_free(OptimizerHandle o) { delete o; }

MNAS_API int mnas_optimizer_step(OptimizerHandle o) {
    return guard_status([&] {
        at::NoGradGuard no_grad;
        o->step();
    });
}

MNAS_API int mnas_optimizer_zero_grad(OptimizerHandle o) {
    return guard_status([&] {
        for (auto& group : o->param_groups())
            for (auto& p : group.params()) p.mutable_grad().reset();
    });
}

MNAS_API int mnas_optimizer_set_lr(OptimizerHandle o, double lr) {
    return guard_status([&] {
        for (auto& group : o->param_groups()) group.options().set_lr(lr);
    });
}

MNAS_API int mnas_optimizer_get_lr(OptimizerHandle o, double* out) {
    return guard_status([&] { *out = o->param_groups().at(0).options().get_lr(); });
}

namespace {
using torch::optim::AdamParamState;
using torch::optim::AdamWParamState;
using torch::optim::OptimizerParamState;
using torch::optim::RMSpropParamState;
using torch::optim::SGDParamState;
using StateMap = ska::flat_hash_map<std::string, std::unique_ptr<OptimizerParamState>>;

const at::Tensor& parameter_at(OptimizerHandle o, int index) { return o->param_groups().at(0).params().at(index); }

std::string state_key(const at::Tensor& p) { return c10::guts::to_string(p.unsafeGetTensorImpl()); }

at::Tensor zeros_for(const at::Tensor& p) { return torch::zeros_like(p, at::MemoryFormat::Preserve); }

void check_slot(const char* name, int slot, int slots, const char* names) {
    TORCH_CHECK(slot >= 0 && slot < slots, name, " holds state slots 0 to ", slots - 1, " (", names, "), not slot ", slot);
}

// Adam and AdamW keep the same state under the same names.
template <typename State>
at::Tensor adam_slot(State& s, int slot) {
    return slot == 0 ? s.exp_avg() : slot == 1 ? s.exp_avg_sq() : s.max_exp_avg_sq();
}

template <typename State>
void set_adam_slot(StateMap& state, const std::string& key, const at::Tensor& p, int slot, const at::Tensor& value, int64_t step) {
    auto found = state.find(key);
    if (found == state.end()) {
        auto fresh = std::make_unique<State>();
        fresh->exp_avg(zeros_for(p));
        fresh->exp_avg_sq(zeros_for(p));
        found = state.emplace(key, std::move(fresh)).first;
    }
    auto& s = static_cast<State&>(*found->second);
    s.step(step);
    if (slot == 0) s.exp_avg(value);
    else if (slot == 1) s.exp_avg_sq(value);
    else s.max_exp_avg_sq(value);
}

at::Tensor rmsprop_slot(RMSpropParamState& s, int slot) {
    return slot == 0 ? s.square_avg() : slot == 1 ? s.momentum_buffer() : s.grad_avg();
}

// A fresh RMSprop state holds what libtorch's first step would make: the square average, and the momentum buffer and
// gradient average when the options use them.
void set_rmsprop_slot(OptimizerHandle o, StateMap& state, const std::string& key, const at::Tensor& p, int slot, const at::Tensor& value,
                      int64_t step) {
    auto found = state.find(key);
    if (found == state.end()) {
        auto& options = static_cast<torch::optim::RMSpropOptions&>(o->param_groups().at(0).options());
        auto fresh = std::make_unique<RMSpropParamState>();
        fresh->square_avg(zeros_for(p));
        if (options.momentum() > 0) fresh->momentum_buffer(zeros_for(p));
        if (options.centered()) fresh->grad_avg(zeros_for(p));
        found = state.emplace(key, std::move(fresh)).first;
    }
    auto& s = static_cast<RMSpropParamState&>(*found->second);
    s.step(step);
    if (slot == 0) s.square_avg(value);
    else if (slot == 1) s.momentum_buffer(value);
    else s.grad_avg(value);
}

constexpr const char* kAdamSlots = "exp_avg, exp_avg_sq, max_exp_avg_sq";
constexpr const char* kRmspropSlots = "square_avg, momentum_buffer, grad_avg";
}  // namespace

// A parameter's state in the optimizer, by slot: SGD 0 = momentum buffer; Adam and AdamW 0 = exp_avg, 1 = exp_avg_sq,
// 2 = max_exp_avg_sq; RMSprop 0 = square_avg, 1 = momentum_buffer, 2 = grad_avg (the last three with their step count in
// *step). *out is a copy, or null when the parameter has none yet (no step taken) or the slot is empty. A slot the
// optimizer does not have is an error.
MNAS_API int mnas_optimizer_state_get(OptimizerHandle o, int index, int slot, TensorHandle* out, int64_t* step) {
    return guard_status([&] {
        *out = nullptr;
        *step = 0;
        auto& state = o->state();
        auto found = state.find(state_key(parameter_at(o, index)));
        OptimizerParamState* s = found == state.end() ? nullptr : found->second.get();
        at::Tensor value;
        if (dynamic_cast<torch::optim::SGD*>(o) != nullptr) {
            check_slot("SGD", slot, 1, "momentum_buffer");
            if (s == nullptr) return;
            value = static_cast<SGDParamState*>(s)->momentum_buffer();
        } else if (dynamic_cast<torch::optim::Adam*>(o) != nullptr) {
            check_slot("Adam", slot, 3, kAdamSlots);
            if (s == nullptr) return;
            auto& adam = static_cast<AdamParamState&>(*s);
            *step = adam.step();
            value = adam_slot(adam, slot);
        } else if (dynamic_cast<torch::optim::AdamW*>(o) != nullptr) {
            check_slot("AdamW", slot, 3, kAdamSlots);
            if (s == nullptr) return;
            auto& adamw = static_cast<AdamWParamState&>(*s);
            *step = adamw.step();
            value = adam_slot(adamw, slot);
        } else {
            TORCH_CHECK(dynamic_cast<torch::optim::RMSprop*>(o) != nullptr, "this optimizer's state cannot be read");
            check_slot("RMSprop", slot, 3, kRmspropSlots);
            if (s == nullptr) return;
            auto& rmsprop = static_cast<RMSpropParamState&>(*s);
            *step = rmsprop.step();
            value = rmsprop_slot(rmsprop, slot);
        }
        if (value.defined()) *out = mnas::new_handle(value.detach().clone());
    });
}

// Sets a parameter's state slot (creating its state when it has none), copying the value; the step count with it.
MNAS_API int mnas_optimizer_state_set(OptimizerHandle o, int index, int slot, TensorHandle value, int64_t step) {
    return guard_status([&] {
        const auto& p = parameter_at(o, index);
        TORCH_CHECK(value->sizes() == p.sizes(), "the state's shape ", value->sizes(), " is not the parameter's ", p.sizes());
        auto copy = value->detach().to(p.options()).clone();
        auto& state = o->state();
        auto key = state_key(p);
        if (dynamic_cast<torch::optim::SGD*>(o) != nullptr) {
            check_slot("SGD", slot, 1, "momentum_buffer");
            auto s = std::make_unique<SGDParamState>();
            s->momentum_buffer(copy);
            state[key] = std::move(s);
        } else if (dynamic_cast<torch::optim::Adam*>(o) != nullptr) {
            check_slot("Adam", slot, 3, kAdamSlots);
            set_adam_slot<AdamParamState>(state, key, p, slot, copy, step);
        } else if (dynamic_cast<torch::optim::AdamW*>(o) != nullptr) {
            check_slot("AdamW", slot, 3, kAdamSlots);
            set_adam_slot<AdamWParamState>(state, key, p, slot, copy, step);
        } else {
            TORCH_CHECK(dynamic_cast<torch::optim::RMSprop*>(o) != nullptr, "this optimizer's state cannot be written");
            check_slot("RMSprop", slot, 3, kRmspropSlots);
            set_rmsprop_slot(o, state, key, p, slot, copy, step);
        }
    });
}
