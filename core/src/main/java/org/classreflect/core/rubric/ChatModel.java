package org.classreflect.core.rubric;

import java.util.List;

/**
 * Port: a chat language model. Takes the conversation (an optional system message first, then user and assistant
 * messages in turn, ending with a user message) and returns the text of the model's reply. Adapters retry what is
 * worth retrying (timeouts, rate limits, server errors) before they give up.
 */
public interface ChatModel {

    String complete(List<ChatMessage> messages) throws ChatModelException;
}
