package io.aigw.routing.application.learned;

import io.aigw.routing.application.ChatCommand;
import io.aigw.routing.domain.PlannedDeployment;
import io.aigw.routing.domain.RoutePlan;

/**
 * The two points where learned routing touches the request path: the plan (a {@code learned} group
 * puts the tier predicted to answer well first) and the end of an answered request (remembered, so
 * feedback can refer to it).
 */
public final class Learning {

    /** Learning off: plans pass through, nothing is remembered. */
    public static final Learning NONE = new Learning(LearnedRouting.NONE, AnsweredRequests.NONE);

    private final LearnedRouting routing;
    private final AnsweredRequests answered;

    public Learning(LearnedRouting routing, AnsweredRequests answered) {
        this.routing = routing;
        this.answered = answered;
    }

    public RoutePlan plan(ChatCommand command, RoutePlan plan) {
        return routing.apply(command, plan);
    }

    /** A provider's answer reached the client; a request without an id cannot get feedback. */
    public void answered(ChatCommand command, PlannedDeployment by) {
        if (command.requestId() == null || by == null || answered == AnsweredRequests.NONE) {
            return;
        }
        answered.remember(new AnsweredRequest(
                command.requestId(),
                command.tenant(),
                by.deployment().model().name(),
                by.deployment().model().tier(),
                PromptText.of(command.body())));
    }
}
