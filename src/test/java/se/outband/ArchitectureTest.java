package se.outband;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.Authenticated;
import se.outband.common.ScheduledJob;

/** Rules the compiler does not check. A plain test: ArchUnit's own JUnit engine predates JUnit 6. */
public class ArchitectureTest {

    /** Read from the build's output folder: in a JVM that also ran Quarkus tests, the class path is Quarkus's own. */
    public static final JavaClasses OUTBAND = new ClassFileImporter().importPath(java.nio.file.Path.of("target", "classes"));

    /** Who may call a resource is declared on it, so a new endpoint cannot forget (deny-unannotated backs this up). */
    @Test
    void everyResourceDeclaresWhoMayCallIt() {
        classes().that().areAnnotatedWith(Path.class)
                .should().beAnnotatedWith(RolesAllowed.class).orShould().beAnnotatedWith(PermitAll.class)
                .orShould().beAnnotatedWith(Authenticated.class)
                .because("every path is denied by default and opened by a declared role")
                .check(OUTBAND);
    }

    /**
     * Messaging reads from the top down: what providers send us (inbound), a leader's request to a stored
     * bulletin (bulletins) or to a phone meeting (meetings, beside bulletins and independent of them), the
     * rows on their way out (outbox), the gateways that send them (providers). A layer uses those below
     * it, never one above.
     */
    @Test
    void messagingIsFourLayersWithArrowsOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Inbound").definedBy("se.outband.messaging.inbound..")
                .layer("Bulletins").definedBy("se.outband.messaging.bulletins..")
                .layer("Meetings").definedBy("se.outband.messaging.meetings..")
                .layer("Outbox").definedBy("se.outband.messaging.outbox..")
                .layer("Providers").definedBy("se.outband.messaging.providers..")
                .whereLayer("Inbound").mayNotBeAccessedByAnyLayer()
                .whereLayer("Bulletins").mayOnlyBeAccessedByLayers("Inbound")
                .whereLayer("Meetings").mayOnlyBeAccessedByLayers("Inbound")
                .whereLayer("Outbox").mayOnlyBeAccessedByLayers("Inbound", "Bulletins", "Meetings")
                .whereLayer("Providers").mayOnlyBeAccessedByLayers("Inbound", "Bulletins", "Meetings", "Outbox")
                .check(OUTBAND);
        noClasses().should().resideInAPackage("se.outband.messaging")
                .because("every class of messaging belongs to one of its layers").allowEmptyShould(true).check(OUTBAND);
    }

    /** No two packages import each other, directly or round a circle: each can be read knowing only those below it. */
    @Test
    void noPackagesDependOnEachOther() {
        slices().matching("se.outband.(**)").should().beFreeOfCycles().check(OUTBAND);
    }

    /**
     * Outband waits for a running job when it stops, before the database closes, and begins none after
     * ({@code ScheduledJobs}): only for jobs it counts, so none may go uncounted.
     */
    @Test
    void everyScheduledJobIsOneOutbandWaitsForWhenItStops() {
        methods().that().areAnnotatedWith(Scheduled.class).should().beAnnotatedWith(ScheduledJob.class)
                .andShould().haveRawReturnType(void.class)
                .because("a job that runs on after Outband began to stop fails on a closed database")
                .check(OUTBAND);
    }

    /** Yes/no from a request is read strictly ({@code YesNo}): a plain boolean takes "1" for false. */
    @Test
    void noRequestParameterIsAPlainBoolean() {
        List<String> lenient = new ArrayList<>();
        for (JavaClass type : OUTBAND) {
            Class<?> java = type.reflect();
            for (Method method : java.getDeclaredMethods()) {
                for (Parameter parameter : method.getParameters()) {
                    if (isBoolean(parameter.getType()) && fromRequest(parameter.getAnnotations())) {
                        lenient.add(java.getSimpleName() + "." + method.getName() + "(" + parameter.getName() + ")");
                    }
                }
            }
            for (Field field : java.getDeclaredFields()) {
                if (isBoolean(field.getType()) && fromRequest(field.getAnnotations())) {
                    lenient.add(java.getSimpleName() + "." + field.getName());
                }
            }
        }
        assertEquals(List.of(), lenient);
    }

    private static boolean isBoolean(Class<?> type) {
        return type == boolean.class || type == Boolean.class;
    }

    private static boolean fromRequest(Annotation[] annotations) {
        return Arrays.stream(annotations).anyMatch(a -> a instanceof QueryParam || a instanceof FormParam || a instanceof RestForm
                || a instanceof RestQuery || a instanceof HeaderParam || a instanceof CookieParam);
    }
}
