package org.vmatlas.owners.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.KernelKind;
import org.vmatlas.model.Region;
import org.vmatlas.model.Session;
import org.vmatlas.owners.Classification;
import org.vmatlas.owners.Recognizer;
import org.vmatlas.owners.RegionClassifier;

/** The classifier service: the generic passes plus every {@link Recognizer} registered at the time of a call. */
@Component(service = RegionClassifier.class)
public final class RegionClassifierImpl implements RegionClassifier {

    private static final Pattern OBSERVED = Pattern.compile("pid (\\d{1,10})\\b.*", Pattern.DOTALL);

    private final List<Recognizer> recognizers = new CopyOnWriteArrayList<>();
    private final ClassifierCore core = new ClassifierCore();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRecognizer(Recognizer recognizer) {
        recognizers.add(recognizer);
    }

    void removeRecognizer(Recognizer recognizer) {
        recognizers.remove(recognizer);
    }

    /** The process an observed session follows, by the name the process picker and the command line give it. */
    public static OptionalLong pidOf(Session session) {
        if (session.kernelKind() != KernelKind.NONE) {
            return OptionalLong.empty();
        }
        Matcher m = OBSERVED.matcher(session.name());
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /** Every region of {@code space}, those above the user space last (they are last in unsigned order). */
    public static List<Region> allRegions(AddressSpace space) {
        if (space.kernelRegions().isEmpty()) {
            return space.regions();
        }
        List<Region> all = new ArrayList<>(space.size() + space.kernelRegions().size());
        all.addAll(space.regions());
        all.addAll(space.kernelRegions());
        return List.copyOf(all);
    }

    @Override
    public Classification classify(Session session, boolean residency) {
        return core.classify(allRegions(session.space()), pidOf(session), ordered(), residency,
                session.kernelKind() == KernelKind.NATIVE_SANDBOX ? session.kernel() : null);
    }

    @Override
    public Classification classify(List<Region> regions, OptionalLong pid, boolean residency) {
        return core.classify(regions, pid, ordered(), residency, null);
    }

    private List<Recognizer> ordered() {
        List<Recognizer> list = new ArrayList<>(recognizers);
        list.sort(Comparator.comparingInt(Recognizer::order).thenComparing(Recognizer::name));
        return list;
    }
}
