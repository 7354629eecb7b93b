namespace Mnas.Torch;

/// <summary>
/// Frees, when disposed, every tensor created on this thread while it was the innermost scope,
/// except those moved out with <see cref="Tensor.MoveToOuterDisposeScope"/> or detached.
/// </summary>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic] private static DisposeScope? current;

    private readonly HashSet<Tensor> owned = new(ReferenceEqualityComparer.Instance);
    private bool disposed;

    internal DisposeScope()
    {
        Outer = current;
        current = this;
    }

    internal static DisposeScope? Current => current;

    public DisposeScope? Outer { get; }

    public int Count => owned.Count;

    internal void Add(Tensor tensor)
    {
        owned.Add(tensor);
        tensor.OwningScope = this;
    }

    internal void Remove(Tensor tensor)
    {
        owned.Remove(tensor);
        tensor.OwningScope = null;
    }

    /// <summary>Keeps the given tensors alive past this scope: they move to the outer scope, if any.</summary>
    public T MoveToOuter<T>(T tensor) where T : Tensor
    {
        tensor.MoveToOuterDisposeScope();
        return tensor;
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        foreach (var tensor in owned.ToArray())
        {
            tensor.OwningScope = null;
            tensor.Dispose();
        }
        owned.Clear();
        if (ReferenceEquals(current, this))
        {
            current = Outer;
        }
    }
}
