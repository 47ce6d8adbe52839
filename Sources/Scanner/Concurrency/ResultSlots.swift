/// One slot per iteration of a `DispatchQueue.concurrentPerform`: each iteration writes only its
/// own slot, and the slots are read after the loop has returned, so no lock is needed.
public final class ResultSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Value?>

    public init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    public func store(_ value: Value, at index: Int) { slots[index] = value }

    public func values() -> [Value?] { Array(slots) }
}
