package org.classreflect.adapters.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NbvcxzPasswordPolicyTest {

    private final NbvcxzPasswordPolicy policy = new NbvcxzPasswordPolicy();
    private static final List<String> ZOE = List.of("zoe.quinn@oak.test", "zoe.quinn", "zoe", "quinn", "oak",
            "zoe quinn");

    @Test
    void commonRepeatedAndKeyboardPasswordsAreRefusedWithAReason() {
        assertThat(policy.problem("password12", ZOE)).hasValueSatisfying(p -> assertThat(p).contains("common"));
        assertThat(policy.problem("          ", ZOE)).hasValueSatisfying(p -> assertThat(p).contains("Repeats"));
        assertThat(policy.problem("qwertyuiop", ZOE)).isPresent();
        assertThat(policy.problem("1234567890", ZOE)).isPresent();
    }

    @Test
    void theUsersOwnEmailAndNameAreRefused() {
        assertThat(policy.problem("zoe.quinn@oak.test", ZOE))
                .hasValueSatisfying(p -> assertThat(p).contains("own name or email"));
        assertThat(policy.problem("zoequinnzoequinn", ZOE)).isPresent();
    }

    @Test
    void longUnusualPasswordsPass() {
        assertThat(policy.problem("k7HqpZ3mWx9aRt2bNc4d", ZOE)).isEmpty();
        assertThat(policy.problem("a different long secret", ZOE)).isEmpty();
        assertThat(policy.problem("staple kettle orbit 42", ZOE)).isEmpty();
    }
}
