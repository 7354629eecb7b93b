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

    // A tensor may be disposed on another thread than the one whose scope owns it.
    internal void Add(Tensor tensor)
    {
        lock (owned)
        {
            owned.Add(tensor);
        }
        tensor.OwningScope = this;
    }

    internal void Remove(Tensor tensor)
    {
        lock (owned)
        {
            owned.Remove(tensor);
        }
        tensor.OwningScope = null;
    }

    /// <summary>Keeps the given tensors alive past this scope: they move to the outer scope, if any.</summary>
    public T MoveToOuter<T>(T tensor) where T : Tensor
    {
        tensor.MoveToOuterDisposeScope();
        return tensor;
    }

    private bool IsCurrentOrEncloses(DisposeScope? scope)
    {
        for (; scope != null; scope = scope.Outer)
        {
            if (ReferenceEquals(scope, this))
            {
                return true;
            }
        }
        return false;
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }
        // Disposing an outer scope first ends the scopes still open inside it.
        if (IsCurrentOrEncloses(current))
        {
            while (!ReferenceEquals(current, this))
            {
                current!.Dispose();
            }
        }
        disposed = true;
        Tensor[] tensors;
        lock (owned)
        {
            tensors = owned.ToArray();
            owned.Clear();
        }
        foreach (var tensor in tensors)
        {
            tensor.OwningScope = null;
            tensor.Dispose();
        }
        if (ReferenceEquals(current, this))
        {
            current = Outer;
        }
    }
}
