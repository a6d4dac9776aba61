package org.voxseg.core.testing;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.voxseg.core.engine.TorchRuntime;

/**
 * Gives tests a base {@link NDManager} of the PyTorch engine: declare a parameter of type {@code NDManager} in a
 * test method or in a {@code @BeforeEach}, {@code @AfterEach} or {@code @BeforeAll} method of a class annotated
 * {@code @ExtendWith(NdManagerExtension.class)}.
 *
 * <p>The manager belongs to the scope it was first asked for in, and is closed (with every array it still holds)
 * when that scope ends: asked for by a test method or its {@code @BeforeEach} and {@code @AfterEach} methods, it is
 * one manager per test, closed after the test's {@code @AfterEach} methods; asked for by a {@code @BeforeAll}
 * method, it is one manager for the test class, closed after its {@code @AfterAll} methods, and the tests of that
 * class get the same one.
 *
 * <p>The manager comes from {@link TorchRuntime#engine()}, which also switches libtorch's gradient recording off for
 * the calling thread (tests switch it on where they need it, with a gradient collector), as the set-up that each
 * test class used to carry did.
 */
public final class NdManagerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(NdManagerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == NDManager.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        return store.getOrComputeIfAbsent(ClosingManager.class, key -> new ClosingManager(), ClosingManager.class)
                .manager;
    }

    /** Closes the manager when JUnit closes the store of the scope that asked for it. */
    private static final class ClosingManager implements ExtensionContext.Store.CloseableResource {

        private final NDManager manager = TorchRuntime.engine().newBaseManager();

        @Override
        public void close() {
            manager.close();
        }
    }
}
