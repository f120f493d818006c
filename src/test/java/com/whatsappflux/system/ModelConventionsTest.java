package com.whatsappflux.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The diagrams are the product's face: every BPMN in processes/ must open cleanly in Camunda Modeler
 * (complete layout), name every element, implement every service task, reference existing forms, and
 * follow the id conventions. Fails with the list of what to fix.
 */
class ModelConventionsTest {

    private static final Path PROCESSES = Path.of("processes");
    private static final Path FORMS = Path.of("forms");
    private static final Pattern GENERATED_ID = Pattern.compile("^(Activity|Gateway|Event|Flow|StartEvent|EndEvent)_[0-9a-z]{7}$");

    @TestFactory
    Stream<DynamicTest> everyDiagramFollowsTheConventions() throws IOException {
        Set<String> formIds = formIds();
        try (Stream<Path> files = Files.list(PROCESSES)) {
            return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList().stream()
                    .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file, formIds)));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFormIsAValidCamundaForm() throws IOException {
        try (Stream<Path> files = Files.list(FORMS)) {
            return files.filter(p -> p.toString().endsWith(".form")).sorted().toList().stream()
                    .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                        JsonNode form = new ObjectMapper().readTree(file.toFile());
                        assertThat(form.path("id").asText()).as("form id").endsWith("Form");
                        assertThat(form.path("components").isArray()).as("components").isTrue();
                        assertThat(form.path("executionPlatformVersion").asText()).startsWith("7.");
                    }));
        }
    }

    private static void check(Path file, Set<String> formIds) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> problems = new ArrayList<>();
        String fileName = file.getFileName().toString();
        Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .filter(s -> s.getBpmnElement() != null).map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
        Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                .filter(e -> e.getBpmnElement() != null).map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());

        for (Process process : model.getModelElementsByType(Process.class)) {
            if (!process.isExecutable()) {
                problems.add("process " + process.getId() + " is not executable");
            }
            if (process.getCamundaHistoryTimeToLiveString() == null) {
                problems.add("process " + process.getId() + " has no camunda:historyTimeToLive");
            }
        }
        if (model.getModelElementsByType(Process.class).stream().noneMatch(p -> fileName.equals(p.getId() + ".bpmn"))) {
            problems.add("file name must be <process id>.bpmn");
        }
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            String id = node.getId();
            if (!shapes.contains(id)) {
                problems.add(id + " has no diagram shape");
            }
            boolean joiningGateway = (node instanceof ExclusiveGateway || node instanceof ParallelGateway)
                    && node.getIncoming().size() > 1 && node.getOutgoing().size() == 1;
            if (!joiningGateway && (node.getName() == null || node.getName().isBlank())) {
                problems.add(id + " has no name");
            }
            if (node instanceof EndEvent && "End".equalsIgnoreCase(String.valueOf(node.getName()).trim())) {
                problems.add(id + " is called 'End': name the business result");
            }
            checkId(node, problems);
            if (node instanceof ServiceTask task && task.getCamundaDelegateExpression() == null
                    && task.getCamundaClass() == null && task.getCamundaExpression() == null && task.getCamundaType() == null) {
                problems.add(id + " (service task) has no implementation");
            }
            if (node instanceof ServiceTask task && task.getCamundaClass() != null) {
                problems.add(id + " uses camunda:class; use a delegateExpression bean");
            }
            if (node instanceof UserTask task) {
                if (task.getCamundaCandidateGroups() == null && task.getCamundaAssignee() == null) {
                    problems.add(id + " (user task) has no candidate group or assignee");
                }
                String formRef = task.getCamundaFormRef();
                if (formRef == null) {
                    problems.add(id + " (user task) has no camunda:formRef");
                } else if (!formRef.contains("${") && !formIds.contains(formRef)) {
                    problems.add(id + " references form '" + formRef + "' which is not in forms/");
                }
            }
            boolean eventSubProcess = node instanceof org.camunda.bpm.model.bpmn.instance.SubProcess sub && sub.triggeredByEvent();
            if (!(node instanceof BoundaryEvent) && !eventSubProcess && node.getIncoming().isEmpty()
                    && !(node instanceof org.camunda.bpm.model.bpmn.instance.StartEvent)) {
                problems.add(id + " has no incoming flow");
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (!edges.contains(flow.getId())) {
                problems.add("flow " + flow.getId() + " has no diagram edge");
            }
            checkId(flow, problems);
        }
        assertThat(problems).as(fileName).isEmpty();
    }

    private static void checkId(BaseElement element, List<String> problems) {
        if (GENERATED_ID.matcher(element.getId()).matches()) {
            problems.add(element.getId() + " is a Modeler-generated id: give it a meaningful one");
        }
    }

    private static Set<String> formIds() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(FORMS)) {
            return files.filter(p -> p.toString().endsWith(".form")).map(p -> {
                try {
                    return json.readTree(p.toFile()).path("id").asText();
                } catch (IOException e) {
                    throw new IllegalStateException(p + " is not JSON", e);
                }
            }).collect(Collectors.toSet());
        }
    }
}
