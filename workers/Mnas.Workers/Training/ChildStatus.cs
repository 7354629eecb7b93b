namespace Mnas.Workers.Training;

public enum ChildStatus
{
    Succeeded,
    Failed,
    Cancelled,
}
