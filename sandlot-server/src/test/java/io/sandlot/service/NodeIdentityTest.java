package io.sandlot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandlot.service.ServiceException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Owner-named session ids: their form, and what an id this node does not hold says about the session. */
class NodeIdentityTest {

    private final NodeIdentity node = new NodeIdentity("sandlot-1", "abc123");

    @Test
    void sessionId_isNodeBootAndTheLocalId() {
        assertThat(node.sessionId("Xy_-z")).isEqualTo("sandlot-1.abc123.Xy_-z");
        assertThat(NodeIdentity.ownerOf(node.sessionId("Xy_-z"))).contains("sandlot-1");
    }

    @Test
    void forThisRun_givesEachRunItsOwnBootTag() {
        NodeIdentity first = NodeIdentity.forThisRun("r1");
        NodeIdentity second = NodeIdentity.forThisRun("r1");

        assertThat(first.node()).isEqualTo("r1");
        assertThat(first.boot()).matches("[a-z0-9]{6}").isNotEqualTo(second.boot());
    }

    @Test
    void lost_idOfAnotherNode_isGoneNamingBothNodes() {
        assertThat(node.lost("sandlot-2.abc123.Xyz")).hasValueSatisfying(e -> {
            assertThat(e.kind()).isEqualTo(Kind.GONE);
            assertThat(e.reason()).isEqualTo("session_lost");
            assertThat(e.getMessage()).isEqualTo("session 'sandlot-2.abc123.Xyz' belongs to node 'sandlot-2', not "
                    + "to this node ('sandlot-1'): the load balancer routed it here, or that node is gone; its state "
                    + "is lost, create a new session");
        });
    }

    @Test
    void lost_idOfAnEarlierRunOfThisNode_isGoneSayingItRestarted() {
        assertThat(node.lost("sandlot-1.zzz999.Xyz")).hasValueSatisfying(e -> {
            assertThat(e.kind()).isEqualTo(Kind.GONE);
            assertThat(e.getMessage()).contains("was lost when node 'sandlot-1' restarted");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"sandlot-1.abc123.Xyz", "0b8f3c2e-6a41-4d7e-9c55-2f1d0e7a9b13", "plain", ".x"})
    void lost_idOfThisRunOrNamingNoOwner_isNotLost(String id) {
        assertThat(node.lost(id)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a.b", "-a", "a-", "a b", "ü",
        "a234567890123456789012345678901234567890123456789012345678901234"})
    void newNode_invalidName_isRefusedSayingWhatANameIs(String name) {
        assertThatThrownBy(() -> NodeIdentity.forThisRun(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a node id must be 1 to 63 letters, digits, '-' or '_'");
    }
}
