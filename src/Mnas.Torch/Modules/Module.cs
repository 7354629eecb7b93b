using Mnas.Torch.Serialization;

namespace Mnas.Torch.Modules;

/// <summary>
/// A network component holding parameters, buffers (state that is saved but not trained, such as
/// batch-norm running statistics) and sub-modules, each under a name.
/// </summary>
public abstract class Module : IDisposable
{
    private readonly List<(string Name, Parameter? Value)> ownParameters = [];
    private readonly List<(string Name, Tensor Value)> ownBuffers = [];
    private readonly List<(string Name, Module Value)> children = [];
    private bool disposed;

    public bool training { get; private set; } = true;

    protected void register_parameter(string name, Parameter? parameter) => ownParameters.Add((name, parameter));

    /// <summary>Registers a buffer; the module takes ownership (it leaves any dispose scope).</summary>
    protected void register_buffer(string name, Tensor buffer) => ownBuffers.Add((name, buffer.DetachFromDisposeScope()));

    protected T register_module<T>(string name, T module) where T : Module
    {
        children.Add((name, module));
        return module;
    }

    public IEnumerable<(string Name, Module Module)> named_children() => children;

    /// <summary>This module (named "") and every module below it, depth first, with dotted names.</summary>
    public IEnumerable<(string Name, Module Module)> named_modules()
    {
        yield return ("", this);
        foreach (var (prefix, child) in children)
        {
            foreach (var (name, module) in child.named_modules())
            {
                yield return (name.Length == 0 ? prefix : $"{prefix}.{name}", module);
            }
        }
    }

    public IEnumerable<Module> modules() => named_modules().Select(m => m.Module);

    public IEnumerable<(string Name, Parameter Parameter)> named_parameters()
    {
        foreach (var (name, value) in ownParameters)
        {
            if (value != null)
            {
                yield return (name, value);
            }
        }
        foreach (var (prefix, child) in children)
        {
            foreach (var (name, value) in child.named_parameters())
            {
                yield return ($"{prefix}.{name}", value);
            }
        }
    }

    public IEnumerable<Parameter> parameters() => named_parameters().Select(p => p.Parameter);

    public IEnumerable<(string Name, Tensor Buffer)> named_buffers()
    {
        foreach (var buffer in ownBuffers)
        {
            yield return buffer;
        }
        foreach (var (prefix, child) in children)
        {
            foreach (var (name, value) in child.named_buffers())
            {
                yield return ($"{prefix}.{name}", value);
            }
        }
    }

    /// <summary>Parameters and buffers by name: what is saved and loaded. The tensors stay the module's.</summary>
    public IReadOnlyDictionary<string, Tensor> state_dict()
    {
        var state = new Dictionary<string, Tensor>();
        foreach (var (name, value) in named_parameters())
        {
            state[name] = value;
        }
        foreach (var (name, value) in named_buffers())
        {
            state[name] = value;
        }
        return state;
    }

    /// <summary>Copies values into this module's tensors; with strict, names must match exactly.</summary>
    public void load_state_dict(IReadOnlyDictionary<string, Tensor> source, bool strict = true)
    {
        var own = state_dict();
        if (strict)
        {
            var missing = own.Keys.Except(source.Keys).ToList();
            var unexpected = source.Keys.Except(own.Keys).ToList();
            if (missing.Count > 0 || unexpected.Count > 0)
            {
                throw new ArgumentException(
                    $"state does not match the module: missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", unexpected)}]",
                    nameof(source));
            }
        }
        foreach (var (name, target) in own)
        {
            if (source.TryGetValue(name, out var value) && !value.shape.SequenceEqual(target.shape))
            {
                throw new ArgumentException(
                    $"'{name}' has shape [{string.Join(", ", value.shape)}] but the module expects [{string.Join(", ", target.shape)}]",
                    nameof(source));
            }
        }
        foreach (var (name, target) in own)
        {
            if (source.TryGetValue(name, out var value))
            {
                target.copy_(value);
            }
        }
    }

    /// <summary>Writes parameters and buffers to a safetensors file.</summary>
    public void save(string path) => Safetensors.Save(state_dict(), path);

    /// <summary>Reads parameters and buffers from a safetensors file written by <see cref="save"/> or by Python tools.</summary>
    public void load(string path, bool strict = true)
    {
        var loaded = Safetensors.Load(path);
        try
        {
            load_state_dict(loaded, strict);
        }
        finally
        {
            foreach (var tensor in loaded.Values)
            {
                tensor.Dispose();
            }
        }
    }

    public virtual Module train(bool on = true)
    {
        training = on;
        foreach (var (_, child) in children)
        {
            child.train(on);
        }
        return this;
    }

    public Module eval() => train(false);

    public void zero_grad()
    {
        foreach (var p in parameters())
        {
            p.clear_grad();
        }
    }

    /// <summary>Moves every parameter and buffer to a device, in place.</summary>
    public Module to(string device) => Apply(t => t.to(device));

    /// <summary>Lays out every 4-D parameter and buffer in the given memory format, in place.</summary>
    public Module to(MemoryFormat format) => Apply(t => t.dim() == 4 ? t.to(format) : null);

    /// <summary>
    /// Converts every floating-point parameter and buffer to a floating-point type, in place (as PyTorch's
    /// <c>module.to(torch.float64)</c>); integer buffers such as <c>num_batches_tracked</c> keep their type.
    /// </summary>
    public Module to(ScalarType dtype)
    {
        if (dtype is not (ScalarType.Float32 or ScalarType.Float64))
        {
            throw new ArgumentException($"a module's parameters can only be converted to a floating-point type, not {dtype}", nameof(dtype));
        }
        return Apply(t => t.dtype is ScalarType.Float32 or ScalarType.Float64 && t.dtype != dtype ? t.to(dtype) : null);
    }

    private Module Apply(Func<Tensor, Tensor?> convert)
    {
        foreach (var tensor in state_dict().Values)
        {
            using var converted = convert(tensor);
            if (converted != null)
            {
                tensor.SetData(converted);
            }
        }
        return this;
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        foreach (var (_, p) in ownParameters)
        {
            p?.Dispose();
        }
        foreach (var (_, b) in ownBuffers)
        {
            b.Dispose();
        }
        foreach (var (_, c) in children)
        {
            c.Dispose();
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>A module with a typed forward pass.</summary>
public abstract class Module<TInput, TOutput> : Module
{
    public abstract TOutput forward(TInput input);

    public TOutput call(TInput input) => forward(input);
}
